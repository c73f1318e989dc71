package io.netroot.catalog;

import java.util.List;
import java.util.function.Supplier;

/** A text file netroot writes whole from the specs, such as a {@code pxelinux.cfg} file. */
public final class ManagedFile extends WholeFile {

  private final Supplier<String> render;

  /**
   * @param render produces the content; called once per pass, when the engine gets to this file
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
    super(path, description, "0644", dependsOn, notifies);
    this.render = render;
  }

  @Override
  public Content desired() {
    return Content.text(render.get());
  }

  @Override
  Content wrap(byte[] bytes) {
    return Content.binaryOrText(bytes, true);
  }
}
