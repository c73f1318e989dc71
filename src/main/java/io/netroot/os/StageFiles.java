package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.netroot.NetrootException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The system calls of {@link FillStage} and {@link FillLeftovers}, each relative to a directory
 * descriptor and none following a link at its last component.
 */
final class StageFiles {

  private static final int AT_FDCWD = -100;
  private static final int DIR_FLAGS =
      LinuxFlags.O_PATH | LinuxFlags.O_DIRECTORY | LinuxFlags.O_CLOEXEC;
  private static final int EBUSY = 16;
  private static final int EIO = 5;

  /** {@code STATX_ATTR_MOUNT_ROOT} (Linux 5.8): the inode is the root of a mount. */
  private static final long MOUNT_ROOT = 0x2000;

  private StageFiles() {}

  /**
   * Opens the directory that holds an image. It is the server's own path, named by the spec, so a
   * link on the way is followed, as everywhere on the server; {@link Beneath#NONE} when missing.
   */
  static int openParent(Path parent, String shown) {
    try {
      return LibC.get().openat(AT_FDCWD, Beneath.cString(parent.toString()), DIR_FLAGS, 0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxFlags.ENOENT) {
        return Beneath.NONE;
      }
      throw Beneath.failure("cannot open " + parent + ", the directory of root image " + shown, e);
    }
  }

  /**
   * Opens the image directory {@code name} of {@code parent} without following a link; {@link
   * Beneath#NONE} when missing. A link or a file there is refused with what it is.
   */
  static int openImage(int parent, byte[] name, String shown) {
    try {
      return LibC.get().openat(parent, name, DIR_FLAGS | LinuxFlags.O_NOFOLLOW, 0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxFlags.ENOENT) {
        return Beneath.NONE;
      }
      Optional<DeviceFiles.Node> node = DeviceFiles.lookAt(parent, name, 0);
      throw Beneath.notAnImage(node, shown, e);
    }
  }

  /** Opens a directory netroot made, not following a link; absent is an error here. */
  static int openDir(int dir, byte[] name, String shown) {
    try {
      return LibC.get().openat(dir, name, DIR_FLAGS | LinuxFlags.O_NOFOLLOW, 0);
    } catch (LastErrorException e) {
      throw Beneath.failure("cannot open the fill directory of " + shown, e);
    }
  }

  /**
   * Whether the image is the root of a mount, so that nothing can be renamed over it: {@code
   * STATX_ATTR_MOUNT_ROOT} where the kernel reports it, else a device other than its parent's.
   */
  static boolean isMountPoint(int image, int parent) {
    long[] mine = identity(image);
    if ((mine[1] & MOUNT_ROOT) != 0) {
      return (mine[0] & MOUNT_ROOT) != 0;
    }
    return mine[2] != identity(parent)[2];
  }

  /** {@code stx_attributes}, {@code stx_attributes_mask} and the device, of a descriptor. */
  private static long[] identity(int fd) {
    try (Memory statx = new Memory(256)) {
      statx.clear();
      LibC.get()
          .statx(
              fd,
              new byte[] {0},
              LinuxFlags.AT_EMPTY_PATH | LinuxFlags.AT_SYMLINK_NOFOLLOW,
              LinuxFlags.STATX_BASIC_STATS,
              statx);
      long device = ((long) statx.getInt(136) << 32) | (statx.getInt(140) & 0xffffffffL);
      return new long[] {statx.getLong(8), statx.getLong(56), device};
    }
  }

  /**
   * Flushes the filesystem holding {@code dir} ({@code syncfs}), so the unpacked tree is on disk
   * before it becomes the image: a crash after the rename must not show empty files.
   */
  static void syncfs(int dir) {
    LibC c = LibC.get();
    int fd =
        c.openat(
            dir,
            Beneath.cString("."),
            LinuxFlags.O_RDONLY | LinuxFlags.O_DIRECTORY | LinuxFlags.O_CLOEXEC,
            0);
    try {
      c.syncfs(fd);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EIO) {
        throw Beneath.failure("cannot flush the fill to disk", e);
      }
      // ENOSYS and the like: the rename still happens; there is nothing better to do
    } finally {
      c.close(fd);
    }
  }

  /**
   * Renames {@code from} over the image {@code to}: atomic for a missing image or an empty
   * directory; anything else there fails and is left as it is.
   */
  static void renameOver(int fromDir, byte[] from, int toDir, byte[] to, String shown) {
    try {
      LibC.get().renameat(fromDir, from, toDir, to);
    } catch (LastErrorException e) {
      int errno = e.getErrorCode();
      if (errno == LinuxFlags.ENOTEMPTY || errno == LinuxFlags.EEXIST) {
        throw new NetrootException(
            "root image " + shown + " is no longer empty; the fill was not moved into it");
      }
      if (errno == LinuxFlags.ENOTDIR || errno == LinuxFlags.EISDIR) {
        throw new NetrootException(
            "root image " + shown + " is no longer a directory; the fill was not moved into it");
      }
      if (errno == EBUSY || errno == LinuxFlags.EXDEV) {
        throw new NetrootException(
            "root image " + shown + " became a mount point; the fill was not moved into it");
      }
      throw e;
    }
  }

  /**
   * Refuses to move a tree into an image that has, since it was checked, an entry of the same name
   * (other than the {@code lost+found} directory of its filesystem, which is kept).
   */
  static void checkNoClash(int tree, int image, String shown) {
    for (byte[] name : ImageTree.entries(tree, Beneath.cString("."), shown)) {
      Optional<DeviceFiles.Node> there = DeviceFiles.lookAt(image, name, 0);
      if (there.isPresent() && !FillLeftovers.isLostAndFound(name, there.get())) {
        throw new NetrootException(
            "root image "
                + shown
                + " is no longer empty ("
                + new String(name, 0, name.length - 1, java.nio.charset.StandardCharsets.UTF_8)
                + " appeared); the fill was not moved into it");
      }
    }
  }
}
