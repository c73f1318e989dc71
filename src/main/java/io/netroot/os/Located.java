package io.netroot.os;

import java.nio.charset.StandardCharsets;
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

  /**
   * A fresh hidden name in the same directory, for a file or link made before a rename: the same
   * {@code .NAME.netroot-HEX} form as {@link AtomicFile#tempName}, so that {@link
   * ImageDir#sweepTemps} finds what a killed run left.
   */
  byte[] tempName() {
    String own = new String(name, 0, name.length - 1, StandardCharsets.UTF_8);
    return Beneath.cString(AtomicFile.tempName(own, ThreadLocalRandom.current().nextLong()));
  }

  @Override
  public void close() {
    if (!absent()) {
      LibC.get().close(dir);
    }
  }
}
