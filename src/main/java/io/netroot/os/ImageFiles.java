package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The operations of {@link ImageDir} on one name in an opened directory. Every call is relative to
 * that directory's descriptor and none follows a link at the name: files are opened with {@code
 * O_NOFOLLOW}, owners set on an {@code O_PATH} descriptor of the inode itself, and replacements
 * made by renaming a new entry over the old one.
 */
final class ImageFiles {

  /** Files read back from an image are small (fstab, unit files); a bigger one is refused. */
  static final int MAX_READ = 16 << 20;

  private ImageFiles() {}

  static Optional<byte[]> read(Located at, boolean refuseOthers) {
    return read(at, refuseOthers, MAX_READ);
  }

  /** As {@link #read(Located, boolean)}, refusing a file of more than {@code maxBytes}. */
  static Optional<byte[]> read(Located at, boolean refuseOthers, int maxBytes) {
    Optional<DeviceFiles.Node> node =
        at.absent() ? Optional.empty() : DeviceFiles.lookAt(at.dir(), at.name(), 0);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get().type() != DeviceFiles.Type.REGULAR) {
      if (!refuseOthers) {
        return Optional.empty();
      }
      if (node.get().type() == DeviceFiles.Type.SYMLINK) {
        throw Beneath.refused(at.shown(), node.get().linkTarget());
      }
      throw new NetrootException(at.shown() + " is not a regular file; netroot does not read it");
    }
    LibC c = LibC.get();
    // O_NONBLOCK and O_NOCTTY: if a fifo or a terminal was swapped in since the look, opening it
    // neither blocks nor adopts it; it is then refused below, unread.
    int fd =
        c.openat(
            at.dir(),
            at.name(),
            LinuxFlags.O_RDONLY
                | LinuxFlags.O_NOFOLLOW
                | LinuxFlags.O_NONBLOCK
                | LinuxFlags.O_NOCTTY
                | LinuxFlags.O_CLOEXEC,
            0);
    try {
      DeviceFiles.Node opened =
          DeviceFiles.lookAt(fd, new byte[] {0}, LinuxFlags.AT_EMPTY_PATH).orElseThrow();
      if (opened.type() != DeviceFiles.Type.REGULAR) {
        throw new NetrootException(at.shown() + " changed while netroot read it; not read");
      }
      return Optional.of(readAll(fd, at.shown(), maxBytes));
    } finally {
      c.close(fd);
    }
  }

  private static byte[] readAll(int fd, String shown, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    long n;
    while ((n = LibC.get().read(fd, buffer, buffer.length)) > 0) {
      out.write(buffer, 0, (int) n);
      if (out.size() > maxBytes) {
        throw new NetrootException(
            shown + " is larger than " + (maxBytes >> 20) + " MiB; netroot does not read it");
      }
    }
    return out.toByteArray();
  }

  static void replace(Located at, byte[] content, int mode) {
    DeviceFiles.Node node = DeviceFiles.lookAt(at.dir(), at.name(), 0).orElse(null);
    if (node != null && node.type() == DeviceFiles.Type.SYMLINK) {
      throw Beneath.refused(at.shown(), node.linkTarget());
    }
    if (node != null && node.type() == DeviceFiles.Type.DIRECTORY) {
      throw new NetrootException(at.shown() + " is a directory; not replaced");
    }
    LibC c = LibC.get();
    byte[] temp = at.tempName();
    int fd =
        c.openat(
            at.dir(),
            temp,
            LinuxFlags.O_WRONLY
                | LinuxFlags.O_CREAT
                | LinuxFlags.O_EXCL
                | LinuxFlags.O_NOFOLLOW
                | LinuxFlags.O_CLOEXEC,
            0600);
    boolean renamed = false;
    try {
      try {
        writeAll(fd, content);
        c.fsync(fd);
        c.fchmod(fd, mode & 07777);
      } finally {
        c.close(fd);
      }
      c.renameat(at.dir(), temp, at.dir(), at.name());
      renamed = true;
    } finally {
      if (!renamed) {
        unlinkQuietly(at.dir(), temp);
      }
    }
    syncDirectory(at.dir());
  }

  private static void writeAll(int fd, byte[] content) {
    int done = 0;
    while (done < content.length) {
      byte[] rest =
          done == 0 ? content : java.util.Arrays.copyOfRange(content, done, content.length);
      done += (int) LibC.get().write(fd, rest, rest.length);
    }
  }

  static void mknod(Located at, int mode, long dev, int uid, int gid) {
    LibC.get().mknodat(at.dir(), at.name(), LinuxFlags.S_IFCHR | (mode & 0777), dev);
    ownerAndMode(at, mode, uid, gid);
    syncDirectory(at.dir());
  }

  static void mkdir(Located at, int mode, int uid, int gid) {
    LibC.get().mkdirat(at.dir(), at.name(), 0700);
    ownerAndMode(at, mode, uid, gid);
    syncDirectory(at.dir());
  }

  /**
   * Sets owner, then mode (a chown clears set-id bits), on a descriptor of the inode itself, so a
   * link swapped in meanwhile is neither followed nor changed. Linux has no {@code fchmod} for an
   * {@code O_PATH} descriptor, so the mode goes through {@code /proc/self/fd}, as glibc's own
   * {@code fchmodat(AT_SYMLINK_NOFOLLOW)} does: that names the opened inode, not a path.
   */
  static void ownerAndMode(Located at, int mode, int uid, int gid) {
    if (at.absent()) {
      throw new NetrootException(at.shown() + " does not exist");
    }
    LibC c = LibC.get();
    int fd =
        c.openat(
            at.dir(),
            at.name(),
            LinuxFlags.O_PATH | LinuxFlags.O_NOFOLLOW | LinuxFlags.O_CLOEXEC,
            0);
    try {
      byte[] self = {0};
      DeviceFiles.Node node = DeviceFiles.lookAt(fd, self, LinuxFlags.AT_EMPTY_PATH).orElseThrow();
      if (node.type() == DeviceFiles.Type.SYMLINK) {
        throw Beneath.refused(at.shown(), node.linkTarget());
      }
      c.fchownat(fd, self, uid, gid, LinuxFlags.AT_EMPTY_PATH);
      c.chmod("/proc/self/fd/" + fd, mode & 07777);
    } finally {
      c.close(fd);
    }
  }

  static void symlink(Located at, String target) {
    DeviceFiles.Node node = DeviceFiles.lookAt(at.dir(), at.name(), 0).orElse(null);
    if (node != null && node.type() == DeviceFiles.Type.DIRECTORY) {
      throw new NetrootException(at.shown() + " is a directory; not replaced by a link");
    }
    byte[] temp = at.tempName();
    LibC c = LibC.get();
    c.symlinkat(Beneath.cString(target), at.dir(), temp);
    try {
      c.renameat(at.dir(), temp, at.dir(), at.name());
    } catch (LastErrorException e) {
      unlinkQuietly(at.dir(), temp);
      throw e;
    }
    syncDirectory(at.dir());
  }

  static void remove(Located at) {
    Optional<DeviceFiles.Node> node =
        at.absent() ? Optional.empty() : DeviceFiles.lookAt(at.dir(), at.name(), 0);
    if (node.isEmpty()) {
      return;
    }
    boolean directory = node.get().type() == DeviceFiles.Type.DIRECTORY;
    try {
      LibC.get().unlinkat(at.dir(), at.name(), directory ? LinuxFlags.AT_REMOVEDIR : 0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxFlags.ENOTEMPTY) {
        throw new NetrootException(at.shown() + " is a directory that is not empty; not removed");
      }
      throw e;
    }
    syncDirectory(at.dir());
  }

  static void rename(Located at, String newName) {
    if (at.absent()) {
      throw new NetrootException(at.shown() + " does not exist");
    }
    LibC.get().renameat(at.dir(), at.name(), at.dir(), Beneath.cString(newName));
    syncDirectory(at.dir());
  }

  /** Flushes a directory's entries; an {@code O_PATH} descriptor cannot be flushed itself. */
  static void syncDirectory(int dir) {
    LibC c = LibC.get();
    try {
      int fd =
          c.openat(
              dir,
              Beneath.cString("."),
              LinuxFlags.O_RDONLY | LinuxFlags.O_DIRECTORY | LinuxFlags.O_CLOEXEC,
              0);
      try {
        c.fsync(fd);
      } finally {
        c.close(fd);
      }
    } catch (LastErrorException e) {
      // some filesystems refuse fsync on a directory; the change itself has happened
    }
  }

  static void unlinkQuietly(int dir, byte[] name) {
    try {
      LibC.get().unlinkat(dir, name, 0);
    } catch (LastErrorException ignored) {
      // the operation already failed; that error is the one worth reporting
    }
  }
}
