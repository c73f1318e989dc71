package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A text file netroot writes whole from the specs, such as a {@code pxelinux.cfg} file. */
public final class ManagedFile extends WholeFile {

  private final Supplier<Content> render;

  /** The daemon's syntax check of the whole file, or {@code null}. */
  private final ConfigChecker checker;

  /** Rendered on first use and kept: the content is a function of the specs alone. */
  private Content rendered;

  /**
   * @param render produces the content; called once, when the engine first gets to this file
   */
  public ManagedFile(
      String path, String description, List<ResourceId> dependsOn, Supplier<String> render) {
    this(path, description, dependsOn, List.of(), render);
  }

  /** A file whose change a service must hear about. */
  public ManagedFile(
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      Supplier<String> render) {
    this(path, description, dependsOn, notifies, render, null);
  }

  /** A file a daemon reads, checked by {@code checker} before it is installed. */
  public ManagedFile(
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      ConfigChecker checker,
      Supplier<String> render) {
    this(path, description, dependsOn, notifies, render, null, checker);
  }

  private ManagedFile(
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      Supplier<String> text,
      Supplier<Content> content) {
    this(path, description, dependsOn, notifies, text, content, null);
  }

  private ManagedFile(
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      Supplier<String> text,
      Supplier<Content> content,
      ConfigChecker checker) {
    super(path, description, "0644", dependsOn, notifies);
    this.render = content != null ? content : () -> Content.text(text.get());
    this.checker = checker;
  }

  @Override
  public Optional<ConfigChecker> checker() {
    return Optional.ofNullable(checker);
  }

  /**
   * A file whose content is shared with other files: {@code content} (see {@link
   * Content#sharedText}) is rendered and hashed once for all of them.
   */
  public static ManagedFile sharing(
      String path, String description, List<ResourceId> dependsOn, Supplier<Content> content) {
    return new ManagedFile(path, description, dependsOn, List.of(), null, content);
  }

  @Override
  Content render() {
    if (rendered == null) {
      rendered = render.get();
    }
    return rendered;
  }

  @Override
  boolean isText() {
    return true;
  }
}
