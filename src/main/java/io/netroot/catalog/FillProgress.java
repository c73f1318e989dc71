package io.netroot.catalog;

/**
 * Told how far the filling of a root image has got, for a progress display. The core never prints;
 * the command line shows this on a terminal only.
 */
@FunctionalInterface
public interface FillProgress {

  /** Shows nothing. */
  FillProgress NONE = (image, done, total) -> {};

  /**
   * @param image the image's path on the boot server
   * @param done bytes read so far (of the tarball, or of the tar stream of a directory)
   * @param total bytes to read, or -1 when unknown; a last call has {@code done == total}
   */
  void copied(String image, long done, long total);

  /**
   * A line the builder of a root image printed ({@code mmdebstrap}'s progress).
   *
   * @param image the image's path on the boot server
   */
  default void building(String image, String line) {}
}
