package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
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

  // ---- Confined access inside a root image (ImageDir, Beneath): every path is a NUL-terminated
  // byte array relative to a directory descriptor; flags and numbers are in LinuxFlags. ----

  int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

  /** The raw system call, for {@code openat2}, which glibc does not wrap. */
  long syscall(long number, Object... args) throws LastErrorException;

  /** {@code struct statx} is the same on every architecture, unlike {@code struct stat}. */
  int statx(int dirfd, byte[] path, int flags, int mask, Pointer statx) throws LastErrorException;

  long readlinkat(int dirfd, byte[] path, byte[] buf, long size) throws LastErrorException;

  int mkdirat(int dirfd, byte[] path, int mode) throws LastErrorException;

  int mknodat(int dirfd, byte[] path, int mode, long dev) throws LastErrorException;

  int fchownat(int dirfd, byte[] path, int uid, int gid, int flags) throws LastErrorException;

  int symlinkat(byte[] target, int dirfd, byte[] path) throws LastErrorException;

  int unlinkat(int dirfd, byte[] path, int flags) throws LastErrorException;

  int renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath)
      throws LastErrorException;

  /** renameat2 (glibc 2.28+): with {@link #RENAME_EXCHANGE} swaps two names in one step. */
  int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
      throws LastErrorException;

  int RENAME_NOREPLACE = 1;
  int RENAME_EXCHANGE = 2;

  long read(int fd, byte[] buf, long count) throws LastErrorException;

  long write(int fd, byte[] buf, long count) throws LastErrorException;

  int fsync(int fd) throws LastErrorException;

  /** Names an unnamed file ({@link UnnamedFile}). */
  int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags)
      throws LastErrorException;

  int fchmod(int fd, int mode) throws LastErrorException;

  Pointer fdopendir(int fd) throws LastErrorException;

  /** Returns null at the end; errno is cleared before each call, so only a real error throws. */
  Pointer readdir(Pointer dir) throws LastErrorException;

  int closedir(Pointer dir) throws LastErrorException;

  /** The text of an errno, for messages. */
  String strerror(int errnum);

  // ---- end of confined access ----

  // ---- The writer lock: opened without following a link, closed on exec, locked per open file.

  int O_RDWR = 02;
  int O_CREAT = 0100;
  int O_CLOEXEC = 02000000;

  /** Not the same number everywhere: arm, aarch64 and powerpc use another. */
  int O_NOFOLLOW = LinuxFlags.O_NOFOLLOW;

  int ELOOP = 40;
  int EAGAIN = 11;
  int EACCES = 13;
  int EINVAL = 22;

  /** fcntl: an open file description lock (Linux 3.15+), which conflicts with POSIX locks. */
  int F_OFD_SETLK = 37;

  short F_WRLCK = 1;

  /** {@code open(2)} with the mode a created file gets. */
  int open(String path, int flags, int mode) throws LastErrorException;

  int ftruncate(int fd, NativeLong length) throws LastErrorException;

  NativeLong pwrite(int fd, byte[] buffer, NativeLong count, NativeLong offset)
      throws LastErrorException;

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

  /** {@code flock(2)}: a lock on an open directory, which the lock file's deletion cannot undo. */
  int flock(int fd, int operation) throws LastErrorException;

  int LOCK_EX = 2;
  int LOCK_NB = 4;

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
