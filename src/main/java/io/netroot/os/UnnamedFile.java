package io.netroot.os;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new file's bytes written into its target's directory with no name yet ({@code open(2)} with
 * {@code O_TMPFILE}). Nobody can open it, no directory listing shows it, and a process killed
 * before the commit leaves nothing behind: the kernel frees an unnamed file when its last
 * descriptor closes. {@code syncfs} flushes it like any other file. At the commit {@code linkat(2)}
 * names it as one of netroot's temporary files ({@link AtomicFile#tempName}) and a rename puts it
 * over the target, so a kill can leave at most the one file being published, which the next run
 * sweeps.
 *
 * <p>Each one holds a descriptor until it is published or discarded; past {@link #MAX_OPEN} held at
 * once by one {@link Budget} (a batch's), or on a filesystem without unnamed files, {@link #create}
 * answers {@code null} and the caller writes a named temporary file as before.
 */
final class UnnamedFile {

  /**
   * How many may be open at once: well within the descriptors the JVM gets (it raises its limit).
   */
  static final int MAX_OPEN = 8192;

  private static final int O_TMPFILE = 020000000 | LinuxFlags.O_DIRECTORY;
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_FOLLOW = 0x400;
  private static final int EMFILE = 24;
  private static final int ENFILE = 23;
  private static final int EOPNOTSUPP = 95;

  /** The unnamed files one owner (a {@link FileBatch}) holds open: at most {@link #MAX_OPEN}. */
  static final class Budget {
    private final AtomicInteger open = new AtomicInteger();

    private boolean take() {
      if (open.incrementAndGet() > MAX_OPEN) {
        open.decrementAndGet();
        return false;
      }
      return true;
    }

    private void give() {
      open.decrementAndGet();
    }
  }

  private final Path dir;
  private final Budget budget;
  private int fd;

  private UnnamedFile(Path dir, Budget budget, int fd) {
    this.dir = dir;
    this.budget = budget;
    this.fd = fd;
  }

  /**
   * An unnamed file in {@code dir} holding {@code content} with permissions {@code mode}, or {@code
   * null} when this filesystem has none or too many are open.
   *
   * @throws IOException when the directory refuses a new file (read-only, full, missing)
   */
  static UnnamedFile create(Path dir, byte[] content, int mode, Budget budget) throws IOException {
    if (!budget.take()) {
      return null;
    }
    LibC c = LibC.get();
    int fd;
    try {
      fd = c.open(dir.toString(), O_TMPFILE | LinuxFlags.O_WRONLY | LinuxFlags.O_CLOEXEC, 0600);
    } catch (LastErrorException e) {
      budget.give();
      int errno = e.getErrorCode();
      if (errno == EOPNOTSUPP
          || errno == LinuxFlags.EISDIR
          || errno == EMFILE
          || errno == ENFILE
          || errno == 22 /* EINVAL: no O_TMPFILE on this kernel */) {
        return null;
      }
      throw failure(dir, e);
    }
    UnnamedFile file = new UnnamedFile(dir, budget, fd);
    try {
      int done = 0;
      while (done < content.length) {
        byte[] rest =
            done == 0 ? content : java.util.Arrays.copyOfRange(content, done, content.length);
        done += (int) c.write(fd, rest, rest.length);
      }
      c.fchmod(fd, mode);
      return file;
    } catch (LastErrorException e) {
      file.discard();
      throw failure(dir, e);
    }
  }

  /** Flushes its data to disk: for a batch flushed file by file. */
  void force() throws IOException {
    try {
      LibC.get().fsync(fd);
    } catch (LastErrorException e) {
      throw failure(dir, e);
    }
  }

  /**
   * Names it with a fresh temporary name in its directory, renames that over {@code target} and
   * closes it. On failure the temporary name is removed again and the file discarded.
   */
  void publish(Path target) throws IOException {
    Path temp = link(target.getFileName().toString());
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      AtomicFile.deleteQuietly(temp);
      throw e;
    } finally {
      discard();
    }
  }

  /** Closes it; an unnamed file is then gone. */
  void discard() {
    if (fd >= 0) {
      try {
        LibC.get().close(fd);
      } catch (LastErrorException ignored) {
        // the descriptor is released either way
      }
      fd = -1;
      budget.give();
    }
  }

  /**
   * Gives the file a name through its descriptor's entry in {@code /proc/self/fd}, the way that
   * needs no capability, or through the descriptor itself where {@code /proc} is not mounted.
   */
  private Path link(String name) throws IOException {
    LibC c = LibC.get();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(AtomicFile.tempName(name, ThreadLocalRandom.current().nextLong()));
      try {
        try {
          c.linkat(AT_FDCWD, "/proc/self/fd/" + fd, AT_FDCWD, temp.toString(), AT_SYMLINK_FOLLOW);
        } catch (LastErrorException e) {
          if (e.getErrorCode() != LinuxFlags.ENOENT
              || Files.isDirectory(Path.of("/proc/self/fd"))) {
            throw e;
          }
          c.linkat(fd, "", AT_FDCWD, temp.toString(), LinuxFlags.AT_EMPTY_PATH);
        }
        return temp;
      } catch (LastErrorException e) {
        if (e.getErrorCode() != LinuxFlags.EEXIST || attempt > 10) {
          throw failure(dir, e);
        }
      }
    }
  }

  private static IOException failure(Path dir, LastErrorException e) {
    if (e.getErrorCode() == LinuxFlags.ENOENT) {
      return new NoSuchFileException(dir.toString());
    }
    return new FileSystemException(dir.toString(), null, AtomicFile.describe(e));
  }
}
