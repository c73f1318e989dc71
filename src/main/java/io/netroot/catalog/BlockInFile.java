package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.adopt.Adopter;
import io.netroot.adopt.Adoption;
import io.netroot.adopt.LineRange;
import io.netroot.os.AtomicFile;
import io.netroot.os.ConfigChecker;
import io.netroot.os.Found;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.RootFs;
import io.netroot.render.BlockPlacement;
import io.netroot.render.ManagedBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A marked block netroot owns inside a file that people also edit ({@code dhcpd.conf}, {@code
 * /etc/exports}). Only the block is compared and replaced; every byte outside it is kept.
 *
 * <p>The file is handled as ISO-8859-1 text, which maps each byte to one character, so text outside
 * the block survives byte for byte whatever its encoding; the block itself is UTF-8.
 *
 * <p>The file's mode and owner are the admin's, within one rule: nobody but root may write a file a
 * daemon running as root reads (see {@code FileResource.writableOnlyByRoot}).
 *
 * <p>With an {@link Adopter}, declarations outside the block that the specs own (a hand-made
 * subnet, host or export line for what the block declares) are taken out of the text around the
 * block when it is written, so the file declares each once; see {@link #adoption()}.
 */
public final class BlockInFile extends FileResource {

  private final ManagedBlock markers;
  private Content rendered;
  private final ConfigChecker checker;
  private final Supplier<String> body;
  private final Adopter adopter;
  private final BlockPlacement placement;
  private Adoption adoption;

  /**
   * A block appended to a file that has none.
   *
   * @param body produces the text inside the block; called once per pass
   * @param checker the daemon's syntax check for the whole file, or {@code null}
   * @param adopter finds what the block takes over from the text around it, or {@code null}
   */
  public BlockInFile(
      String path,
      String description,
      ManagedBlock markers,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      ConfigChecker checker,
      Supplier<String> body,
      Adopter adopter) {
    this(
        path,
        description,
        markers,
        dependsOn,
        notifies,
        checker,
        body,
        adopter,
        BlockPlacement.APPEND);
  }

  /**
   * A block that {@code placement} puts into a file that has none (inside Kea's {@code Dhcp4} map).
   */
  public BlockInFile(
      String path,
      String description,
      ManagedBlock markers,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies,
      ConfigChecker checker,
      Supplier<String> body,
      Adopter adopter,
      BlockPlacement placement) {
    super(idFor(path), StateKind.BLOCK, path, description, dependsOn, notifies);
    this.markers = markers;
    this.checker = checker;
    this.body = body;
    this.adopter = adopter;
    this.placement = placement;
  }

  /** The id every block gets: {@code block:PATH}. */
  public static ResourceId idFor(String path) {
    return new ResourceId(ResourceId.Kind.BLOCK, path);
  }

  @Override
  public Optional<ConfigChecker> checker() {
    return Optional.ofNullable(checker);
  }

  @Override
  public Content desired() {
    // Rendered once and kept: the block is a function of the specs alone, and a long-running
    // agent reuses the catalog while the specs stay the same.
    if (rendered == null) {
      rendered = Content.text(markers.wrap(body.get()));
    }
    return rendered;
  }

  @Override
  ModeAndOwner wanted(ModeAndOwner found) {
    return writableOnlyByRoot(found);
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    forgetObserved();
    adoption = null;
    Found found = lookShared(root, path());
    observed(found);
    Optional<String> file = text(found);
    sawFile(root, file.isPresent());
    Optional<ManagedBlock.Located> located = file.flatMap(markers::find);
    // A file that holds nothing but netroot's block (the usual case after the first apply) has
    // nothing to adopt: each pass skips reading it as declarations.
    if (file.isPresent() && adopter != null && !onlyBlock(file.get(), located)) {
      LineRange block = located.map(b -> new LineRange(b.start(), b.end(), 0, 0)).orElse(null);
      adoption = adopter.adopt(file.get(), block, path()).orElse(null);
    }
    Optional<Content> content = located.map(b -> Content.text(fromBytes(b.text())));
    if (file.isPresent() && content.isEmpty()) {
      partMissing("block");
    }
    return content;
  }

  /** Whether everything of {@code text} outside its block is blank. */
  private static boolean onlyBlock(String text, Optional<ManagedBlock.Located> located) {
    int start = located.map(ManagedBlock.Located::start).orElse(text.length());
    int end = located.map(ManagedBlock.Located::end).orElse(text.length());
    return text.substring(0, start).isBlank() && text.substring(end).isBlank();
  }

  /**
   * What the last {@link #observe} found to take over from the text around the block; empty when
   * nothing (or no adopter).
   */
  @Override
  public Optional<Adoption> adoption() {
    return Optional.ofNullable(adoption);
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return splice(current(root), desired);
  }

  private byte[] splice(Optional<String> current, Content desired) {
    String around =
        adoption == null ? current.orElse(null) : current.map(adoption::removeFrom).orElse(null);
    return markers
        .splice(around, toBytes(desired.asText()), placement)
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The file as the last observe read it; read now only when this resource was never observed. */
  private Optional<String> current(RootFs root) {
    Found found = lastObserved();
    return text(found != null ? found : lookShared(root, path()));
  }

  @Override
  public void write(RootFs root, Content desired) {
    byte[] content = splice(current(root), desired);
    refuseIfChanged(root);
    root.writeFile(path(), content, modeForRewrite(null));
    wrote();
  }

  @Override
  public void remove(RootFs root) {
    removeBlock(root, path(), markers);
  }

  static void removeBlock(RootFs root, String path, ManagedBlock markers) {
    read(root, path)
        .ifPresent(
            current ->
                root.writeFile(
                    path, markers.remove(current).getBytes(StandardCharsets.ISO_8859_1), null));
  }

  /**
   * Whether the file holds netroot's block; broken markers count as one, since they are netroot's.
   *
   * @throws NetrootException when the file cannot be read, or is a link
   */
  static boolean hasBlock(RootFs root, String path, ManagedBlock markers) {
    Optional<String> text = read(root, path);
    try {
      return text.flatMap(markers::find).isPresent();
    } catch (io.netroot.render.MalformedBlockException e) {
      return true;
    }
  }

  /**
   * The file as one char per byte, or empty when it does not exist. The file is shared with people,
   * and everything outside netroot's part is kept: through a symbolic link netroot could keep it
   * only by reading what the link points to, so a link is refused, not followed.
   */
  static Optional<String> read(RootFs root, String path) {
    return text(lookShared(root, path));
  }

  /**
   * What is at the path of a file shared with people: its bytes or nothing. A link is refused, as
   * {@link #read} says.
   */
  static Found lookShared(RootFs root, String path) {
    Found found;
    try {
      found = root.look(path);
    } catch (IOException e) {
      throw new NetrootException("cannot read " + path + ": " + AtomicFile.describe(e), e);
    }
    if (found instanceof Found.Link link) {
      throw new NetrootException(
          root.resolve(path)
              + " is a symbolic link (to "
              + link.target()
              + "); netroot does not write through links");
    }
    return found;
  }

  /** A file's bytes as one char per byte; empty for nothing. */
  static Optional<String> text(Found found) {
    return found instanceof Found.File file
        ? Optional.of(new String(file.bytes(), StandardCharsets.ISO_8859_1))
        : Optional.empty();
  }

  /** UTF-8 text as one char per byte, to splice into a file read as ISO-8859-1. */
  private static String toBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String fromBytes(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
