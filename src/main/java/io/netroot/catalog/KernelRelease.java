package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.kernel.BzImage;
import java.nio.file.Path;

/** The release a kernel image carries, for its description in a plan. */
final class KernelRelease {

  private KernelRelease() {}

  /**
   * {@code " 6.1.0-18-amd64"}, read from the image's boot header now, or {@code ""} when it cannot
   * be read: the copy of the image itself reports a missing or unreadable file.
   */
  static String of(Path image) {
    try {
      return BzImage.release(image).map(release -> " " + release).orElse("");
    } catch (NetrootException e) {
      return "";
    }
  }
}
