package io.netroot.os;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
    one.commitOrThrow();
  }

  /** Flushes a directory entry change (a rename or delete) to disk. */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel =
        FileChannel.open(dir, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      channel.force(true);
    } catch (IOException e) {
      // Some filesystems refuse fsync on a directory; the rename itself has happened.
    }
  }

  /**
   * The mode a replacement gets: the given one, else the old file's, else 0644. A link in the
   * file's place is not followed to borrow its target's mode.
   */
  static Set<PosixFilePermission> modeFor(Path target, Set<PosixFilePermission> mode)
      throws IOException {
    if (mode != null) {
      return mode;
    }
    try {
      PosixFileAttributes old =
          Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (old.isRegularFile()) {
        return old.permissions();
      }
    } catch (NoSuchFileException e) {
      // a new file
    }
    return DEFAULT_MODE;
  }

  private static final Set<PosixFilePermission> DEFAULT_MODE = FileModes.parse("0644");

  /** A temporary file just created for writing, and the channel to write it through. */
  record Temp(Path path, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * A new, empty temporary file beside {@code name}, hidden and marked as netroot's, created 0600
   * ({@code O_CREAT|O_EXCL}: never an existing file or link).
   */
  static Temp createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(tempName(name, ThreadLocalRandom.current().nextLong()));
      try {
        return new Temp(temp, FileChannel.open(temp, CREATE, OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  /** The name of a temporary file beside {@code name}: {@code .NAME.netroot-} and 16 hex digits. */
  static String tempName(String name, long random) {
    return "." + name + TEMP_MARK + String.format("%016x", random);
  }

  private static final String TEMP_MARK = ".netroot-";

  /**
   * Whether a file name is one of netroot's temporary files, left by a run that was killed between
   * writing it and renaming it. Older netroot versions wrote the hex part without leading zeros.
   */
  public static boolean isTemp(String fileName) {
    int mark = fileName.lastIndexOf(TEMP_MARK);
    if (!fileName.startsWith(".") || mark < 2) {
      return false;
    }
    String hex = fileName.substring(mark + TEMP_MARK.length());
    return !hex.isEmpty() && hex.length() <= 16 && hex.chars().allMatch(AtomicFile::isLowerHex);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
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

  private static final Set<OpenOption> CREATE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(FileModes.OWNER_ONLY);

  /**
   * Why a system call failed, in the system's words ({@code Input/output error}), without JNA's
   * {@code [5]} prefix or Java class names.
   */
  public static String describe(LastErrorException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.matches("^\\[\\d+\\]\\s*\\S.*")) {
      return message.replaceFirst("^\\[\\d+\\]\\s*", "");
    }
    return switch (e.getErrorCode()) {
      case 1 -> "Operation not permitted";
      case 2 -> "No such file or directory";
      case 5 -> "Input/output error";
      case 13 -> "Permission denied";
      case 28 -> "No space left on device";
      case 30 -> "Read-only file system";
      case 122 -> "Disk quota exceeded";
      default -> "error " + e.getErrorCode();
    };
  }

  /** Why an operation on a file failed, in words: no Java class names. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }
}
