package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback for a file that cannot be replaced atomically because its directory refuses the
 * temporary file ({@code EROFS}, {@code EACCES}): {@code /etc/exports} under the systemd unit's
 * {@code ProtectSystem=strict}, where only the file itself is bound writable. The new content is
 * written through the file's own inode instead.
 *
 * <p>Such a rewrite is not atomic, so it is made recoverable. The new content is first staged and
 * flushed in netroot's state directory ({@value #DIR}, named after the file's server path, {@code
 * .new}). At commit the file as it is is copied beside it ({@code .old}) and flushed; then the new
 * content is written over the file from its start, the file is cut to its length and flushed; then
 * both copies are removed. A crash in the middle leaves the old file in {@code .old}; the next
 * rewrite of the same file keeps that copy as {@code .old.interrupted} and says so in the log.
 */
public final class InPlaceRewrite {

  private static final Logger log = LoggerFactory.getLogger(InPlaceRewrite.class);

  /** Where the copies are kept, as a server path. */
  public static final String DIR = "/var/lib/netroot/in-place";

  private InPlaceRewrite() {}

  /**
   * Why the file at {@code serverPath} would be rewritten in place, for the plan: {@code "in place:
   * /etc is read-only"}; empty when it would be replaced atomically (its directory is writable, or
   * there is no file to rewrite).
   */
  public static Optional<String> note(RootFs root, String serverPath) {
    try {
      Path target = root.resolve(serverPath);
      Path dir = target.getParent();
      if (dir == null
          || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          || Files.isWritable(dir)) {
        return Optional.empty();
      }
      String serverDir = root.serverPath(dir);
      return Optional.of("in place: " + serverDir + " is read-only");
    } catch (NetrootException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code e}, from creating a temporary file beside {@code target}, calls for an in-place
   * rewrite: the directory is read-only or not writable, and {@code target} is a regular file (not
   * a link) to write through.
   */
  static boolean applies(Path target, IOException e) {
    boolean refused =
        e instanceof AccessDeniedException
            || (e instanceof FileSystemException f && "Read-only file system".equals(f.getReason()))
            || !Files.isWritable(target.toAbsolutePath().getParent());
    return refused && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Writes the new content of {@code target} to its staged copy in the state directory under {@code
   * rootDir}, not yet flushed (the batch flushes it with the others).
   *
   * @return the staged copy, which {@link FileBatch} commits with {@link #commit}
   */
  static Path stage(Path rootDir, Path target, byte[] content) throws IOException {
    Path keep = keepDir(rootDir, target);
    try (AtomicFile.Temp temp =
        AtomicFile.createTemp(keep.getParent(), keep.getFileName() + ".new")) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        temp.channel().write(buffer);
      }
      return temp.path();
    }
  }

  /** Whether {@code temp} is a copy {@link #stage} made, rather than a temp beside its target. */
  static boolean isStaged(Path temp, Path target) {
    return !temp.getParent().equals(target.toAbsolutePath().getParent());
  }

  /**
   * Rewrites {@code target} in place with the bytes of {@code staged}, gives it the staged copy's
   * mode, then removes the copies.
   */
  static void commit(Path staged, Path target) throws IOException {
    byte[] content = Files.readAllBytes(staged);
    Set<PosixFilePermission> mode =
        Files.getPosixFilePermissions(staged, LinkOption.NOFOLLOW_LINKS);
    Path old =
        staged.resolveSibling(staged.getFileName().toString().replaceFirst("\\.new\\..*$", ".old"));
    if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
      Path interrupted = old.resolveSibling(old.getFileName() + ".interrupted");
      Files.move(old, interrupted, StandardCopyOption.REPLACE_EXISTING);
      log.warn(
          "an earlier in-place rewrite of {} was interrupted; the file as it was before is kept in"
              + " {}",
          target,
          interrupted);
    }
    try (FileChannel file =
        FileChannel.open(target, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      BasicFileAttributes attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        throw new FileSystemException(target.toString(), null, "not a regular file");
      }
      AtomicFile.write(old, Files.readAllBytes(target), FileModes.OWNER_ONLY);
      ByteBuffer buffer = ByteBuffer.wrap(content);
      long at = 0;
      while (buffer.hasRemaining()) {
        at += file.write(buffer, at);
      }
      file.truncate(content.length);
      file.force(true);
    }
    if (!mode.equals(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS))) {
      FileModes.set(target, mode);
    }
    Files.delete(old);
    Files.deleteIfExists(staged);
    AtomicFile.syncDirectory(old.getParent());
    log.info("rewrote {} in place: its directory is read-only", target);
  }

  /**
   * The directory of the copies for {@code target}, made 0700 if missing; the copies' base name.
   */
  private static Path keepDir(Path rootDir, Path target) {
    RootFs root = new RootFs(rootDir);
    String serverPath = root.serverPath(target.toAbsolutePath());
    Path dir = root.directory(DIR + parentOf(serverPath), "/var/lib/netroot");
    return dir.resolve(target.getFileName().toString());
  }

  private static String parentOf(String serverPath) {
    return serverPath.substring(0, serverPath.lastIndexOf('/'));
  }
}
