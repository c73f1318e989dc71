package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tarball on this machine, opened only once it is known to be a regular file: reading a FIFO
 * named as a tarball would wait forever, and opening a device can act on it (a tape rewinds). The
 * path is looked at first (a link to the tarball is followed, as the administrator named it), then
 * opened with {@code O_NONBLOCK}, which changes nothing for a regular file but opens a FIFO swapped
 * in since the look without waiting, and the opened descriptor is looked at again: anything but a
 * regular file is refused unread. The content is then read through that one descriptor, so what is
 * checked (a pinned checksum) is what is unpacked.
 */
public final class TarballFile implements AutoCloseable {

  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int AT_FDCWD = -100;
  private static final int EACCES = 13;

  private final int fd;
  private final Path path;
  private final long size;

  private TarballFile(int fd, Path path, long size) {
    this.fd = fd;
    this.path = path;
    this.size = size;
  }

  /** Opens {@code path} for reading, or fails with a message saying what it is instead. */
  public static TarballFile open(Path path) {
    Map<String, Object> seen;
    try {
      seen = Files.readAttributes(path, "unix:mode");
    } catch (NoSuchFileException e) {
      throw new NetrootException("source tarball " + path + " does not exist");
    } catch (AccessDeniedException e) {
      throw new NetrootException("source tarball " + path + " is not readable");
    } catch (IOException e) {
      throw new NetrootException("cannot read source tarball " + path + ": " + e.getMessage(), e);
    }
    int mode = (Integer) seen.get("mode");
    if ((mode & S_IFMT) != S_IFREG) {
      throw notRegular(path, "is " + kind(mode));
    }
    LibC c = LibC.get();
    int fd;
    try {
      fd =
          c.openat(
              AT_FDCWD,
              Beneath.cString(path.toAbsolutePath().toString()),
              LinuxFlags.O_RDONLY
                  | LinuxFlags.O_NONBLOCK
                  | LinuxFlags.O_NOCTTY
                  | LinuxFlags.O_CLOEXEC,
              0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EACCES) {
        throw new NetrootException("source tarball " + path + " is not readable");
      }
      throw Beneath.failure("cannot open source tarball " + path, e);
    }
    DeviceFiles.Node opened;
    try {
      opened = DeviceFiles.lookAt(fd, new byte[] {0}, LinuxFlags.AT_EMPTY_PATH).orElseThrow();
    } catch (RuntimeException e) {
      c.close(fd);
      throw e;
    }
    if (opened.type() != DeviceFiles.Type.REGULAR) {
      c.close(fd);
      throw notRegular(path, "changed while it was opened and is now " + noun(opened.type()));
    }
    return new TarballFile(fd, path, opened.size());
  }

  /** The size when opened, for a progress display. */
  public long size() {
    return size;
  }

  /** The content from where the last read stopped; closing the stream leaves the file open. */
  public InputStream stream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        byte[] into = off == 0 ? b : new byte[len];
        long n;
        try {
          n = LibC.get().read(fd, into, len);
        } catch (LastErrorException e) {
          throw new IOException(
              "cannot read " + path + ": " + LibC.get().strerror(e.getErrorCode()));
        }
        if (n <= 0) {
          return -1;
        }
        if (into != b) {
          System.arraycopy(into, 0, b, off, (int) n);
        }
        return (int) n;
      }
    };
  }

  @Override
  public void close() {
    LibC.get().close(fd);
  }

  private static NetrootException notRegular(Path path, String what) {
    return new NetrootException(
        "source tarball "
            + path
            + " "
            + what
            + ", not a regular file; netroot unpacks only a regular file (reading a FIFO or a"
            + " device could wait forever)");
  }

  private static String kind(int mode) {
    return switch (mode & S_IFMT) {
      case 0010000 -> "a FIFO";
      case 0020000 -> "a character device";
      case 0040000 -> "a directory";
      case 0060000 -> "a block device";
      case 0140000 -> "a socket";
      default -> "a special file";
    };
  }

  private static String noun(DeviceFiles.Type type) {
    return switch (type) {
      case FIFO -> "a FIFO";
      case CHAR -> "a character device";
      case BLOCK -> "a block device";
      case DIRECTORY -> "a directory";
      case SOCKET -> "a socket";
      case SYMLINK -> "a symbolic link";
      case REGULAR -> "a regular file";
    };
  }
}
