package io.netroot.os;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The umask of this test JVM, set through libc, so a test can show that netroot's modes do not
 * depend on it. Tests run one at a time in one JVM; each restores the mask it found.
 */
public final class ProcessUmask implements AutoCloseable {

  interface C extends Library {
    int umask(int mask);
  }

  private static final C C = Native.load("c", C.class);

  private final int before;

  private ProcessUmask(int mask) {
    this.before = C.umask(mask);
  }

  /** Sets the mask until {@link #close}. */
  public static ProcessUmask set(int mask) {
    return new ProcessUmask(mask);
  }

  @Override
  public void close() {
    C.umask(before);
  }
}
