package io.netroot.os;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A name in an opened directory of a root image, as {@link ImageDir} found it: the directory's
 * descriptor ({@link Beneath#NONE} when the directory is absent), the last component, and the path
 * as messages show it. Closing it closes the directory.
 */
record Located(int dir, byte[] name, String shown) implements AutoCloseable {

  boolean absent() {
    return dir == Beneath.NONE;
  }

  /** A fresh hidden name in the same directory, for a file or link made before a rename. */
  byte[] tempName() {
    return Beneath.cString(".netroot-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
  }

  @Override
  public void close() {
    if (!absent()) {
      LibC.get().close(dir);
    }
  }
}
