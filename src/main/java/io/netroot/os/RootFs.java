package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The filesystem netroot manages: {@code /} on a real boot server, or a directory standing in for
 * it ({@code --root DIR}), where every managed path is resolved inside DIR and services are not
 * touched.
 *
 * <p>Server paths are resolved on their text alone, and one that could leave the root ({@code
 * //etc}, {@code ..}) is refused. Files are read and written without following a symbolic link,
 * neither on the way (a directory such as {@code pxelinux.cfg} replaced by a link) nor at the file
 * itself: a link where netroot reads is reported as what it is, and a write replaces the link.
 */
public final class RootFs {

  private final Path dir;
  private final FileBatch batch;
  private final LinkFreeDirectories directories;

  /** The files read by earlier passes, for {@link #observe}; or {@code null} to always read. */
  private final UnchangedFiles unchanged;

  /**
   * @param dir the directory that plays the role of {@code /}
   */
  public RootFs(Path dir) {
    this(dir, null, LinkFreeDirectories.checkingEachTime(), null);
  }

  private RootFs(
      Path dir, FileBatch batch, LinkFreeDirectories directories, UnchangedFiles unchanged) {
    this.dir = dir.toAbsolutePath().normalize();
    this.batch = batch;
    this.directories = directories;
    this.unchanged = unchanged;
  }

  /** The directory that plays the role of {@code /}. */
  public Path dir() {
    return dir;
  }

  /** The batch whole-file writes are staged in, or {@code null} when each is written at once. */
  public FileBatch batch() {
    return batch;
  }

  /** The same root, with whole-file writes staged in {@code batch} until it is committed. */
  public RootFs writingTo(FileBatch batch) {
    return new RootFs(dir, batch, directories, unchanged);
  }

  /**
   * The same root for one pass: directories found free of links are not looked at again by this
   * instance. A root kept from pass to pass looks every time.
   */
  public RootFs forPass() {
    return new RootFs(dir, batch, LinkFreeDirectories.forOnePass(), null);
  }

  /**
   * As {@link #forPass()}, with {@link #observe} skipping the files {@code unchanged} holds as read
   * by an earlier pass and unchanged since; the caller has started the pass ({@link
   * UnchangedFiles#startPass}).
   */
  public RootFs forPass(UnchangedFiles unchanged) {
    return new RootFs(dir, batch, LinkFreeDirectories.forOnePass(), unchanged);
  }

  /** The real root of this machine. */
  public static RootFs system() {
    return new RootFs(Path.of("/"));
  }

  /** True when this is a root prefix rather than the machine's own {@code /}. */
  public boolean isPrefix() {
    return !dir.equals(Path.of("/"));
  }

  /**
   * The real location of a server path: {@code /etc/exports} becomes {@code DIR/etc/exports}.
   *
   * @param serverPath an absolute path as the boot server sees it
   * @throws NetrootException naming the path when it is not one ({@code //x}, {@code /a/../b},
   *     {@code /./x}, a NUL, empty, relative)
   */
  public Path resolve(String serverPath) {
    String why = ServerPaths.refusal(serverPath);
    if (why != null) {
      throw refused(serverPath, why);
    }
    if (serverPath.length() == 1) {
      return dir;
    }
    Path real;
    try {
      real = dir.resolve(serverPath.substring(1));
    } catch (InvalidPathException e) {
      throw refused(serverPath, "is not a valid path");
    }
    // The grammar already rules these out; the result is checked, not trusted.
    if (!real.startsWith(dir) || !real.equals(real.normalize())) {
      throw refused(serverPath, "does not stay inside " + dir);
    }
    return real;
  }

  private static NetrootException refused(String serverPath, String why) {
    return new NetrootException("server path " + ServerPaths.quote(serverPath) + " " + why);
  }

  /** The server path of a real location inside this root, with a leading slash. */
  public String serverPath(Path real) {
    String path = real.toString();
    if (real.isAbsolute() && !path.contains("/.")) {
      // already normal (no . or .. segment): a string prefix, without the Path arithmetic
      String top = dir.toString();
      if (top.equals("/")) {
        return path;
      }
      if (path.startsWith(top)
          && path.length() > top.length()
          && path.charAt(top.length()) == '/') {
        return path.substring(top.length());
      }
    }
    return "/" + dir.relativize(real.toAbsolutePath().normalize()).toString();
  }

  /**
   * Replaces the file at a server path atomically: at once, or when the batch is committed. Missing
   * directories are created 0755; a symbolic link on the way is refused and nothing is written. A
   * link at the file itself is replaced, never followed.
   *
   * @param mode the new file's permissions, or {@code null} to keep the old file's (or 0644)
   */
  public void writeFile(String serverPath, byte[] content, Set<PosixFilePermission> mode) {
    Path target = resolve(serverPath);
    directories.create(dir, target.getParent(), null);
    if (batch == null) {
      FileBatch one = FileBatch.flushingEachFile();
      one.stageInto(target, content, mode, dir);
      one.commitOrThrow();
    } else {
      batch.stageInto(target, content, mode, dir);
    }
  }

  /**
   * Makes sure a directory exists, reached without a symbolic link, and returns where it is.
   * Missing directories are created 0755, or 0700 from {@code privateFrom} down.
   *
   * @param privateFrom a server path at or above {@code serverDir} where only root may enter (the
   *     state directory), or {@code null}
   */
  public Path directory(String serverDir, String privateFrom) {
    Path real = resolve(serverDir);
    directories.create(dir, real, privateFrom == null ? null : resolve(privateFrom));
    return real;
  }

  /** True when a directory is at {@code serverDir}, reached without a symbolic link. */
  public boolean isDirectory(String serverDir) {
    return directories.check(dir, resolve(serverDir));
  }

  /**
   * What is at a server path, without following a symbolic link on the way or at the file.
   *
   * @throws NetrootException when a directory on the way is a link
   * @throws IOException when the file cannot be read (a directory, no permission)
   */
  public Found look(String serverPath) throws IOException {
    Path real = resolve(serverPath);
    if (!directories.check(dir, real.getParent())) {
      return new Found.Nothing();
    }
    return NoFollowRead.look(real);
  }

  /**
   * As {@link #look}, for observing a managed file: on a root made for a pass of a long-lived
   * process ({@link #forPass(UnchangedFiles)}), a regular file whose device, inode, size,
   * modification and change time are those it had when an earlier pass read it gives the bytes of
   * that read, without reading it again ({@link UnchangedFiles} says when it is read anyway). A
   * check of the file right before it is replaced must use {@link #look}.
   */
  public Found observe(String serverPath) throws IOException {
    if (unchanged == null) {
      return look(serverPath);
    }
    Path real = resolve(serverPath);
    if (!directories.check(dir, real.getParent())) {
      return new Found.Nothing();
    }
    return unchanged.look(real);
  }

  /**
   * The mode and owner of the regular file at {@code serverPath}, or empty when there is none (a
   * link is not followed): from the stamp {@link #observe} took of it in this pass, else from an
   * {@code lstat}.
   */
  public Optional<ModeAndOwner> modeAndOwner(String serverPath) throws IOException {
    Path real = resolve(serverPath);
    ModeAndOwner stamped = unchanged == null ? null : unchanged.modeAndOwner(real);
    return stamped != null ? Optional.of(stamped) : ModeAndOwner.of(real);
  }

  /**
   * Tells {@link #observe} that {@code bytes}, equal to those it gave for {@code serverPath}, are
   * held by the caller anyway: they are kept in place of the read ones, not as a second copy.
   */
  public void observedAs(String serverPath, byte[] bytes) {
    if (unchanged != null) {
      unchanged.share(resolve(serverPath), bytes);
    }
  }

  /**
   * The bytes of a file netroot keeps for itself (its state, its journal, its status).
   *
   * @throws NoSuchFileException when there is none
   * @throws NetrootException when it, or a directory on the way, is a symbolic link
   */
  public byte[] read(String serverPath) throws IOException {
    Found found = look(serverPath);
    if (found instanceof Found.File file) {
      return file.bytes();
    }
    Path real = resolve(serverPath);
    if (found instanceof Found.Link) {
      throw new NetrootException(real + " is a symbolic link; netroot does not read through links");
    }
    throw new NoSuchFileException(real.toString());
  }

  /**
   * The attributes of what is at a server path (a link's own, not its target's), or empty when
   * nothing is there.
   *
   * @throws NetrootException when a directory on the way is a link
   */
  public Optional<PosixFileAttributes> attributes(String serverPath) throws IOException {
    Path real = resolve(serverPath);
    if (!directories.check(dir, real.getParent())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Removes the file (or link) at a server path, if there is one, and flushes its directory.
   *
   * @return whether there was one
   * @throws NetrootException when a directory on the way is a link: nothing is removed
   */
  public boolean remove(String serverPath) throws IOException {
    Path real = resolve(serverPath);
    if (!directories.check(dir, real.getParent())) {
      return false;
    }
    boolean removed = Files.deleteIfExists(real);
    if (removed) {
      AtomicFile.syncDirectory(real.getParent());
    }
    return removed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RootFs that && dir.equals(that.dir) && batch == that.batch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dir, batch);
  }

  @Override
  public String toString() {
    return "RootFs[" + dir + (batch == null ? "" : ", batched") + "]";
  }
}
