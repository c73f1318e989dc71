package io.netroot.os;

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

  private FileModes() {}

  /** Parses an octal mode such as {@code 0644}; set-id and sticky bits are not supported. */
  public static Set<PosixFilePermission> parse(String octal) {
    int value = Integer.parseInt(octal, 8);
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((value & (1 << i)) != 0) {
        perms.add(BITS[i]);
      }
    }
    return perms;
  }
}
