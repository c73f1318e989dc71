package io.netroot.catalog;

import io.netroot.kernel.BzImage;
import java.nio.file.Path;

/** The release a kernel image carries, for its description in a plan. */
final class KernelRelease {

  private KernelRelease() {}

  /**
   * {@code " 6.1.0-18-amd64"}, read from the image's boot header now, or {@code ""} when it cannot
   * be read: the copy of the image itself reports a missing file, or one that may not be published
   * or read (a FIFO would make this read wait forever; {@link SourceFile} checks it first).
   */
  static String of(Path image) {
    return SourceFile.head(image, BZIMAGE_HEAD)
        .flatMap(BzImage::release)
        .map(release -> " " + release)
        .orElse("");
  }

  /** How much of the image is read: the setup code and its version string fit in this. */
  private static final int BZIMAGE_HEAD = 64 * 1024;
}
