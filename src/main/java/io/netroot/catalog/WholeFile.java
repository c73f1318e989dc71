package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A file netroot owns whole: its content is exactly the desired content. */
abstract class WholeFile extends BaseResource {

  private final String mode;

  WholeFile(String path, String description, String mode, List<ResourceId> dependsOn) {
    this(path, description, mode, dependsOn, List.of());
  }

  WholeFile(
      String path,
      String description,
      String mode,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies) {
    super(idFor(path), StateKind.FILE, path, description, dependsOn, notifies);
    this.mode = mode;
  }

  /** The id every whole file gets: {@code file:PATH}. */
  static ResourceId idFor(String path) {
    return new ResourceId("file:" + path);
  }

  /** The last desired content this resource gave, to compare what is read back with. */
  private Content lastDesired;

  /** Whether the content is text (shown as diffs, kept in the state file) rather than binary. */
  abstract boolean isText();

  /** Produces the desired content; {@link #desired} remembers it. */
  abstract Content render();

  @Override
  public final Content desired() {
    Content content = render();
    lastDesired = content;
    return content;
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Path real = root.resolve(path());
    try {
      return Optional.of(Content.readBack(Files.readAllBytes(real), isText(), lastDesired));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // checked only now: one stat less for each of the many files that read well
      if (Files.isDirectory(real)) {
        throw new NetrootException(path() + " is a directory where netroot manages a file", e);
      }
      throw new NetrootException("cannot read " + path() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    root.writeFile(path(), desired.bytes(), FileModes.parse(mode));
  }

  @Override
  public void remove(RootFs root) {
    removeFile(root, path());
  }

  static void removeFile(RootFs root, String path) {
    Path real = root.resolve(path);
    try {
      Files.deleteIfExists(real);
      AtomicFile.syncDirectory(real.getParent());
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + path + ": " + e.getMessage(), e);
    }
  }
}
