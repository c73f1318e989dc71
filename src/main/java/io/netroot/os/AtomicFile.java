package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place files are replaced: a temporary file in the same directory is written, flushed to
 * disk, renamed over the target, and the directory is flushed, so a reader sees the old file or the
 * new one and never half of either. On failure the temporary file is removed. {@link FileBatch}
 * does the same for many files with fewer flushes.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Replaces (or creates) {@code target} with {@code content}, creating parent directories.
   *
   * @param mode the permissions of the new file, or {@code null} to keep the old file's (or 0644)
   */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) {
    FileBatch one = FileBatch.flushingEachFile();
    one.stage(target, content, mode);
    Map<Path, NetrootException> failures = one.commit();
    if (!failures.isEmpty()) {
      throw failures.values().iterator().next();
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

  /** The mode a replacement gets: the given one, else the old file's, else 0644. */
  static Set<PosixFilePermission> modeFor(Path target, Set<PosixFilePermission> mode)
      throws IOException {
    if (mode != null) {
      return mode;
    }
    return Files.exists(target) ? Files.getPosixFilePermissions(target) : FileModes.parse("0644");
  }

  /** A temporary file just created for writing, and the channel to write it through. */
  record Temp(Path path, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A new, empty temporary file beside {@code name}, hidden and marked as netroot's. */
  static Temp createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              "." + name + ".netroot-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      try {
        return new Temp(
            temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the write already failed; that error is the one worth reporting
      }
    }
  }

  static String describe(IOException e) {
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + " " + e.getMessage();
  }
}
