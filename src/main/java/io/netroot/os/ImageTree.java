package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Directory listings and recursive removal inside a root image, by descriptor: a directory is
 * opened with {@code O_NOFOLLOW} and its entries removed relative to it, so a link swapped in for a
 * directory is removed, never descended into.
 */
final class ImageTree {

  /** Where {@code d_name} starts in glibc's 64-bit {@code struct dirent}. */
  private static final int D_NAME = 19;

  private ImageTree() {}

  /**
   * The names in the directory {@code name} of {@code dir}, sorted; empty when it is missing or not
   * a directory. A link is refused.
   */
  static List<String> names(int dir, byte[] name, String shown) {
    List<String> names = new ArrayList<>();
    for (byte[] entry : entries(dir, name, shown)) {
      names.add(new String(entry, 0, entry.length - 1, StandardCharsets.UTF_8));
    }
    names.sort(null);
    return names;
  }

  /** The raw names (NUL-terminated), as they are on disk, whatever their encoding. */
  static List<byte[]> entries(int dir, byte[] name, String shown) {
    LibC c = LibC.get();
    int fd;
    try {
      fd =
          c.openat(
              dir,
              name,
              LinuxFlags.O_RDONLY
                  | LinuxFlags.O_DIRECTORY
                  | LinuxFlags.O_NOFOLLOW
                  | LinuxFlags.O_CLOEXEC,
              0);
    } catch (LastErrorException e) {
      int errno = e.getErrorCode();
      if (errno == LinuxFlags.ENOENT) {
        return List.of();
      }
      if (errno == LinuxFlags.ELOOP || errno == LinuxFlags.ENOTDIR) {
        DeviceFiles.Node node = DeviceFiles.lookAt(dir, name, 0).orElse(null);
        if (node != null && node.type() == DeviceFiles.Type.SYMLINK) {
          throw Beneath.refused(shown, node.linkTarget());
        }
        return List.of();
      }
      throw e;
    }
    Pointer stream;
    try {
      stream = c.fdopendir(fd);
    } catch (LastErrorException e) {
      c.close(fd);
      throw e;
    }
    List<byte[]> entries = new ArrayList<>();
    try {
      Pointer entry;
      while ((entry = c.readdir(stream)) != null) {
        // indexOf counts from D_NAME: the length of the name
        int length = (int) entry.indexOf(D_NAME, (byte) 0);
        byte[] raw = entry.getByteArray(D_NAME, length + 1);
        boolean dots =
            (raw.length == 2 && raw[0] == '.')
                || (raw.length == 3 && raw[0] == '.' && raw[1] == '.');
        if (!dots) {
          entries.add(raw);
        }
      }
    } finally {
      c.closedir(stream);
    }
    return entries;
  }

  /** Removes {@code name} of {@code dir} and all it holds; nothing is followed. */
  static void remove(int dir, byte[] name, String shown) {
    LibC c = LibC.get();
    DeviceFiles.Node node = DeviceFiles.lookAt(dir, name, 0).orElse(null);
    if (node == null) {
      return;
    }
    if (node.type() != DeviceFiles.Type.DIRECTORY) {
      c.unlinkat(dir, name, 0);
      return;
    }
    int fd;
    try {
      fd =
          c.openat(
              dir,
              name,
              LinuxFlags.O_PATH
                  | LinuxFlags.O_DIRECTORY
                  | LinuxFlags.O_NOFOLLOW
                  | LinuxFlags.O_CLOEXEC,
              0);
    } catch (LastErrorException e) {
      throw new NetrootException(shown + " changed while netroot removed it; not removed", e);
    }
    try {
      for (byte[] entry : entries(fd, Beneath.cString("."), shown)) {
        String child = new String(entry, 0, entry.length - 1, StandardCharsets.UTF_8);
        remove(fd, entry, shown + "/" + child);
      }
    } finally {
      c.close(fd);
    }
    c.unlinkat(dir, name, LinuxFlags.AT_REMOVEDIR);
  }
}
