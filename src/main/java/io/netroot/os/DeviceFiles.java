package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an inode is (type, mode, owner, device numbers), looked at without following a symlink:
 * through Java for a path, through {@code statx} for a name in a directory descriptor (as {@link
 * ImageDir} does inside a root image). Device nodes themselves are made by {@link ImageDir}.
 */
public final class DeviceFiles {

  /** The file type bits of {@code st_mode}, as in {@code <sys/stat.h>}. */
  private static final int S_IFMT = 0170000;

  /** {@code struct statx} is 256 bytes; the fields read are at fixed offsets on every arch. */
  private static final int STATX_SIZE = 256;

  /** What is at a path, not following a symlink. */
  public enum Type {
    REGULAR,
    DIRECTORY,
    SYMLINK,
    CHAR,
    BLOCK,
    FIFO,
    SOCKET
  }

  /**
   * One inode as {@code lstat} sees it.
   *
   * @param mode the permission bits, set-id and sticky bits included ({@code 04755})
   * @param rdev the device number of a device node, else 0
   * @param linkTarget the target of a symlink, else {@code null}
   */
  public record Node(
      Type type, int mode, long rdev, int uid, int gid, long size, String linkTarget) {

    public int major() {
      return DeviceFiles.major(rdev);
    }

    public int minor() {
      return DeviceFiles.minor(rdev);
    }
  }

  private DeviceFiles() {}

  /** {@code makedev} as glibc computes it: 12 bits of major and 20 of minor, split around. */
  public static long makedev(int major, int minor) {
    long ma = major & 0xffffffffL;
    long mi = minor & 0xffffffffL;
    return ((ma & 0x00000fffL) << 8)
        | ((ma & 0xfffff000L) << 32)
        | (mi & 0x000000ffL)
        | ((mi & 0xffffff00L) << 12);
  }

  /** {@code major} as glibc computes it. */
  public static int major(long dev) {
    return (int) (((dev >>> 8) & 0x00000fffL) | ((dev >>> 32) & 0xfffff000L));
  }

  /** {@code minor} as glibc computes it. */
  public static int minor(long dev) {
    return (int) ((dev & 0x000000ffL) | ((dev >>> 12) & 0xffffff00L));
  }

  /**
   * What is at {@code name} in the directory {@code dirfd} without following a symlink ({@code
   * statx}), or empty when nothing is. An empty name with {@code AT_EMPTY_PATH} looks at {@code
   * dirfd} itself.
   */
  static Optional<Node> lookAt(int dirfd, byte[] name, int flags) {
    try (Memory statx = new Memory(STATX_SIZE)) {
      statx.clear();
      LibC.get()
          .statx(
              dirfd,
              name,
              flags | LinuxFlags.AT_SYMLINK_NOFOLLOW,
              LinuxFlags.STATX_BASIC_STATS,
              statx);
      int mode = statx.getShort(28) & 0xffff;
      Type type = typeOf(mode);
      long rdev = makedev(statx.getInt(128), statx.getInt(132));
      String target = type == Type.SYMLINK ? readLink(dirfd, name) : null;
      return Optional.of(
          new Node(
              type,
              mode & 07777,
              rdev,
              statx.getInt(20),
              statx.getInt(24),
              statx.getLong(40),
              target));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxFlags.ENOENT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The target of a symlink, not followed; for messages, so undecodable bytes are replaced. */
  private static String readLink(int dirfd, byte[] name) {
    byte[] buffer = new byte[4096];
    long n = LibC.get().readlinkat(dirfd, name, buffer, buffer.length);
    return new String(buffer, 0, (int) n, StandardCharsets.UTF_8);
  }

  /** What is at {@code path} without following a symlink, or empty when nothing is. */
  public static Optional<Node> look(Path path) {
    try {
      Map<String, Object> a =
          Files.readAttributes(path, "unix:mode,rdev,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) a.get("mode");
      Type type = typeOf(mode);
      String target = type == Type.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
      return Optional.of(
          new Node(
              type,
              mode & 07777,
              (Long) a.get("rdev"),
              (Integer) a.get("uid"),
              (Integer) a.get("gid"),
              (Long) a.get("size"),
              target));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NetrootException("cannot look at " + path + ": " + e.getMessage(), e);
    }
  }

  private static Type typeOf(int mode) {
    return switch (mode & S_IFMT) {
      case 0140000 -> Type.SOCKET;
      case 0120000 -> Type.SYMLINK;
      case 0100000 -> Type.REGULAR;
      case 0060000 -> Type.BLOCK;
      case 0040000 -> Type.DIRECTORY;
      case 0020000 -> Type.CHAR;
      case 0010000 -> Type.FIFO;
      default -> throw new NetrootException("unknown file type " + Integer.toOctalString(mode));
    };
  }
}
