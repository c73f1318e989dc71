package io.netroot.os;

import java.util.Set;

/**
 * The numbers of the Linux calls {@link Beneath} and {@link ImageDir} make. Most are the same on
 * every architecture; {@code O_DIRECTORY} and {@code O_NOFOLLOW} are not (ARM and POWER number them
 * differently from x86 and the generic table), so they are chosen from {@code os.arch}.
 */
final class LinuxFlags {

  private static final boolean ARM_LIKE =
      Set.of("aarch64", "arm", "ppc64le", "ppc64").contains(System.getProperty("os.arch"));

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 01;
  static final int O_CREAT = 0100;
  static final int O_EXCL = 0200;
  static final int O_NOCTTY = 0400;
  static final int O_NONBLOCK = 04000;
  static final int O_DIRECTORY = ARM_LIKE ? 040000 : 0200000;
  static final int O_NOFOLLOW = ARM_LIKE ? 0100000 : 0400000;
  static final int O_CLOEXEC = 02000000;
  static final int O_PATH = 010000000;

  static final int AT_SYMLINK_NOFOLLOW = 0x100;
  static final int AT_REMOVEDIR = 0x200;
  static final int AT_EMPTY_PATH = 0x1000;

  /** {@code openat2}: 437 wherever the generic system call table is used (x86, ARM, POWER). */
  static final long SYS_OPENAT2 = 437;

  static final long RESOLVE_NO_MAGICLINKS = 0x02;
  static final long RESOLVE_NO_SYMLINKS = 0x04;
  static final long RESOLVE_BENEATH = 0x08;

  static final int STATX_BASIC_STATS = 0x7ff;

  static final int S_IFMT = 0170000;
  static final int S_IFCHR = 0020000;
  static final int S_IFREG = 0100000;

  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EAGAIN = 11;
  static final int EEXIST = 17;
  static final int EXDEV = 18;
  static final int ENOTDIR = 20;
  static final int EISDIR = 21;
  static final int ENOSYS = 38;
  static final int ENOTEMPTY = 39;
  static final int ELOOP = 40;

  private LinuxFlags() {}
}
