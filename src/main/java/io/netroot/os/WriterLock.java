package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time: {@code apply} and {@code run} both hold {@code <root>/var/lib/netroot/lock}
 * while they may write. The file holds the holder's PID so that the one left waiting can say who it
 * waited for. The lock is the kernel's (an open file description lock, {@code F_OFD_SETLK}, which
 * also excludes the POSIX locks of older netroot versions), so it goes away with the process,
 * however it ends.
 *
 * <p>The file is opened with {@code O_NOFOLLOW}, so a link put in its place is refused and what it
 * points to is left alone, and with {@code O_CLOEXEC}, so no program netroot runs inherits it. It
 * is created 0600, in a state directory created 0700.
 */
public final class WriterLock implements AutoCloseable {

  /** The lock file, as a server path. */
  public static final String PATH = "/var/lib/netroot/lock";

  /** Its directory, netroot's state directory. */
  private static final String DIR = "/var/lib/netroot";

  private static final int MODE = 0600;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Logger log = LoggerFactory.getLogger(WriterLock.class);

  private final int fd;
  private final int dirFd;
  private boolean closed;

  private WriterLock(int fd, int dirFd) {
    this.fd = fd;
    this.dirFd = dirFd;
  }

  /**
   * Takes the lock, waiting up to {@code timeout} for another holder to let go. Another command in
   * this same process counts as another holder.
   *
   * <p>Two locks are taken: the lock file's, and one on the state directory itself. Deleting the
   * lock file while it is held leaves its holder locking a file nobody else can open; the next
   * netroot would lock a new file at the same path, and without the directory's lock would write
   * beside the holder. A lock file taken after its name was given to another file is let go and the
   * new one locked instead.
   *
   * @throws NetrootException naming the holder's PID when the wait ran out, or naming the lock file
   *     when it is a symbolic link or not a regular file
   */
  public static WriterLock acquire(RootFs root, Duration timeout) {
    Path dir = root.directory(DIR, DIR);
    Path file = dir.resolve("lock");
    Instant deadline = Instant.now().plus(timeout);
    LibC c = LibC.get();
    int dirFd = openDirectory(c, dir);
    int fd = -1;
    try {
      while (true) {
        fd = open(c, file);
        int locked = fd;
        waitFor(() -> tryLock(c, locked, file), deadline, root, timeout);
        if (stillNamedBy(fd, file)) {
          break;
        }
        log.debug("{} was replaced while it was being locked; locking the new one", file);
        c.close(fd);
        fd = -1;
      }
      waitFor(() -> tryLockDirectory(c, dirFd, dir), deadline, root, timeout);
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      c.ftruncate(fd, new NativeLong(0));
      c.pwrite(fd, pid, new NativeLong(pid.length), new NativeLong(0));
      c.fsync(fd);
      return new WriterLock(fd, dirFd);
    } catch (LastErrorException e) {
      closeBoth(c, fd, dirFd);
      throw new NetrootException("cannot lock " + file + ": " + reason(e), e);
    } catch (RuntimeException e) {
      closeBoth(c, fd, dirFd);
      throw e;
    } catch (InterruptedException e) {
      closeBoth(c, fd, dirFd);
      Thread.currentThread().interrupt();
      throw new NetrootException("interrupted while waiting for the lock on " + root.dir(), e);
    }
  }

  private interface Attempt {
    boolean take();
  }

  private static void waitFor(Attempt attempt, Instant deadline, RootFs root, Duration timeout)
      throws InterruptedException {
    while (!attempt.take()) {
      if (!Instant.now().isBefore(deadline)) {
        throw new NetrootException(
            "another netroot (pid "
                + holder(root)
                + ") holds the lock on "
                + root.dir()
                + "; waited "
                + seconds(timeout)
                + " s");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static void closeBoth(LibC c, int fd, int dirFd) {
    if (fd >= 0) {
      c.close(fd);
    }
    c.close(dirFd);
  }

  /** Whether the path still names the file the descriptor is open on: same device and inode. */
  private static boolean stillNamedBy(int fd, Path file) {
    Object open;
    try {
      open = identity(Path.of("/proc/self/fd/" + fd), true);
    } catch (IOException e) {
      return true; // no /proc: the directory's lock still keeps writers apart
    }
    try {
      return open.equals(identity(file, false));
    } catch (IOException e) {
      return false; // deleted, or made into something else
    }
  }

  private static Object identity(Path path, boolean follow) throws IOException {
    Map<String, Object> a =
        follow
            ? Files.readAttributes(path, "unix:dev,ino")
            : Files.readAttributes(path, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
    return List.of(a.get("dev"), a.get("ino"));
  }

  private static int openDirectory(LibC c, Path dir) {
    try {
      return c.open(
          dir.toString(),
          LibC.O_RDONLY | LinuxFlags.O_DIRECTORY | LibC.O_NOFOLLOW | LibC.O_CLOEXEC,
          0);
    } catch (LastErrorException e) {
      throw new NetrootException("cannot open " + dir + ": " + reason(e), e);
    }
  }

  /**
   * True when the directory's lock is taken; false when someone holds it, this process included.
   */
  private static boolean tryLockDirectory(LibC c, int dirFd, Path dir) {
    try {
      c.flock(dirFd, LibC.LOCK_EX | LibC.LOCK_NB);
      return true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LibC.EAGAIN) {
        return false;
      }
      throw new NetrootException("cannot lock " + dir + ": " + reason(e), e);
    }
  }

  private static int open(LibC c, Path file) {
    int fd;
    try {
      fd =
          c.open(
              file.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, MODE);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LibC.ELOOP) {
        throw LinkFreeDirectories.refused(file);
      }
      throw new NetrootException("cannot open " + file + ": " + reason(e), e);
    }
    try {
      if (!isRegularFile(fd)) {
        throw new NetrootException(file + " is not a regular file; netroot locks only a file");
      }
      // a lock file left by an older netroot may be more open than it needs to be
      c.fchmod(fd, MODE);
      return fd;
    } catch (LastErrorException e) {
      c.close(fd);
      throw new NetrootException("cannot open " + file + ": " + reason(e), e);
    } catch (RuntimeException e) {
      c.close(fd);
      throw e;
    }
  }

  /** What the descriptor is open on, through {@code /proc}: the file itself, never a link. */
  private static boolean isRegularFile(int fd) {
    try {
      return Files.readAttributes(Path.of("/proc/self/fd/" + fd), BasicFileAttributes.class)
          .isRegularFile();
    } catch (NoSuchFileException e) {
      return true; // no /proc: O_NOFOLLOW has already refused a link
    } catch (IOException e) {
      return false;
    }
  }

  /** True when taken; false when someone holds it, this process included. */
  private static boolean tryLock(LibC c, int fd, Path file) {
    LibC.Flock lock = new LibC.Flock();
    lock.l_type = LibC.F_WRLCK;
    lock.l_whence = 0; // SEEK_SET; start and length 0: the whole file
    try {
      c.fcntl(fd, LibC.F_OFD_SETLK, lock);
      return true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LibC.EAGAIN || e.getErrorCode() == LibC.EACCES) {
        return false;
      }
      if (e.getErrorCode() == LibC.EINVAL) {
        throw new NetrootException(
            "cannot lock " + file + ": this kernel lacks open file description locks (Linux 3.15+)",
            e);
      }
      throw e;
    }
  }

  private static String holder(RootFs root) {
    try {
      String pid = new String(root.read(PATH), StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? "unknown" : pid;
    } catch (IOException | NetrootException e) {
      return "unknown";
    }
  }

  /** The system's words for an error number, without JNA's {@code [n]} prefix. */
  private static String reason(LastErrorException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.replaceFirst("^\\[\\d+\\]\\s*", "");
  }

  private static String seconds(Duration timeout) {
    long ms = timeout.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format("%.1f", ms / 1000.0);
  }

  /** Lets go; the PID stays in the file but nobody holds the lock. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      LibC.get().close(fd);
      LibC.get().close(dirFd);
    } catch (LastErrorException e) {
      throw new NetrootException("cannot release the lock: " + reason(e), e);
    }
  }
}
