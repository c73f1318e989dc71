package io.netroot.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Octal file modes ({@code 0644}) as Java permission sets. */
public final class FileModes {

  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  /** What a file is created with before it gets its final mode: only its owner can open it. */
  static final Set<PosixFilePermission> OWNER_ONLY = parse("0600");

  private FileModes() {}

  /** Parses an octal mode such as {@code 0644}; set-id and sticky bits are not supported. */
  public static Set<PosixFilePermission> parse(String octal) {
    return of(Integer.parseInt(octal, 8));
  }

  /** The permission bits of a numeric mode; set-id, sticky and file-type bits are dropped. */
  public static Set<PosixFilePermission> of(int mode) {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(BITS[i]);
      }
    }
    return perms;
  }

  /** The numeric mode of a permission set: {@code rw-r--r--} is {@code 0644}. */
  public static int toInt(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (int i = 0; i < BITS.length; i++) {
      if (perms.contains(BITS[i])) {
        mode |= 1 << i;
      }
    }
    return mode;
  }

  /**
   * The mode of a backup copy of a file with {@code permissions}: readable by its owner only,
   * writable by the owner only if the file was; never set-id, sticky or executable, whatever the
   * file was.
   */
  public static Set<PosixFilePermission> forBackup(Set<PosixFilePermission> permissions) {
    return of(permissions.contains(PosixFilePermission.OWNER_WRITE) ? 0600 : 0400);
  }

  /**
   * Gives the file at {@code path} its mode without following a symbolic link there: Java opens it
   * with {@code O_NOFOLLOW} and changes the mode through that descriptor ({@code fchmod}).
   */
  public static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setPermissions(mode);
  }
}
