package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * The few libc calls Java lacks, through JNA; errno becomes a {@link LastErrorException}. Loaded on
 * first use, so commands that need none of them touch nothing native.
 */
interface LibC extends Library {

  int O_RDONLY = 0;
  int O_DIRECTORY = 0200000;

  int mknod(String path, int mode, long dev) throws LastErrorException;

  int lchown(String path, int uid, int gid) throws LastErrorException;

  int chmod(String path, int mode) throws LastErrorException;

  int open(String path, int flags) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  /** Flushes every dirty page and inode of the filesystem holding {@code fd} (Linux 2.6.39+). */
  int syncfs(int fd) throws LastErrorException;

  // ---- The writer lock: opened without following a link, closed on exec, locked per open file.

  int O_RDWR = 02;
  int O_CREAT = 0100;
  int O_CLOEXEC = 02000000;

  /** Not the same number everywhere: arm, aarch64 and powerpc use another. */
  int O_NOFOLLOW = noFollowFlag(System.getProperty("os.arch", ""));

  int ELOOP = 40;
  int EAGAIN = 11;
  int EACCES = 13;
  int EINVAL = 22;

  /** fcntl: an open file description lock (Linux 3.15+), which conflicts with POSIX locks. */
  int F_OFD_SETLK = 37;

  short F_WRLCK = 1;

  /** {@code open(2)} with the mode a created file gets. */
  int open(String path, int flags, int mode) throws LastErrorException;

  int fchmod(int fd, int mode) throws LastErrorException;

  int ftruncate(int fd, NativeLong length) throws LastErrorException;

  NativeLong pwrite(int fd, byte[] buffer, NativeLong count, NativeLong offset)
      throws LastErrorException;

  int fsync(int fd) throws LastErrorException;

  int fcntl(int fd, int command, Flock lock) throws LastErrorException;

  /** {@code struct flock} on Linux. */
  @Structure.FieldOrder({"l_type", "l_whence", "l_start", "l_len", "l_pid"})
  class Flock extends Structure {
    public short l_type;
    public short l_whence;
    public NativeLong l_start = new NativeLong(0);
    public NativeLong l_len = new NativeLong(0);
    public int l_pid;
  }

  private static int noFollowFlag(String arch) {
    return arch.startsWith("aarch64") || arch.startsWith("arm") || arch.startsWith("ppc")
        ? 0100000
        : 0400000;
  }

  // ---- end of the writer lock's calls

  /** The library, loaded on first use. */
  static LibC get() {
    return Holder.C;
  }

  /** Lazy holder: the class is initialised on the first {@link #get()}. */
  final class Holder {
    static final LibC C = Native.load("c", LibC.class);

    private Holder() {}
  }
}
