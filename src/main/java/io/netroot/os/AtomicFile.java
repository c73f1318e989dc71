package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place files are replaced: a temporary file in the same directory is written, flushed to
 * disk, renamed over the target, and the directory is flushed, so a reader sees the old file or the
 * new one and never half of either. On failure the temporary file is removed.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Replaces (or creates) {@code target} with {@code content}, creating parent directories.
   *
   * @param mode the permissions of the new file, or {@code null} to keep the old file's (or 0644)
   */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      Set<PosixFilePermission> perms = mode;
      if (perms == null) {
        perms =
            Files.exists(target) ? Files.getPosixFilePermissions(target) : FileModes.parse("0644");
      }
      temp = createTemp(dir, target.getFileName().toString());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.setPosixFilePermissions(temp, perms);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new NetrootException(
            "cannot replace " + target + " atomically: " + e.getMessage(), e);
      }
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new NetrootException("cannot write " + target + ": " + describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one worth reporting
        }
      }
    }
  }

  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              "." + name + ".netroot-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  /** Flushes a directory entry change (a rename or delete) to disk. */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some filesystems refuse fsync on a directory; the rename itself has happened.
    }
  }

  static String describe(IOException e) {
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + " " + e.getMessage();
  }
}
