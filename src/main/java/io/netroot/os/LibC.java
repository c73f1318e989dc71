package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

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
