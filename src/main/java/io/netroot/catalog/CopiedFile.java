package io.netroot.catalog;

import io.netroot.NetrootException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file copied into the managed tree from elsewhere on this machine: a bootloader from the
 * distribution's syslinux package, a kernel image named by a spec. The source is only read, and
 * only when it is a world-readable regular file ({@link SourceFile}): the TFTP root is public.
 */
public final class CopiedFile extends WholeFile {

  private final Path source;
  private final String expectedSha256;
  private final String origin;

  /**
   * @param source the file to copy, on this machine (not under the root prefix)
   * @param expectedSha256 a pinned checksum, or {@code null}; on mismatch nothing is installed
   * @param origin where the source was named, for messages ({@code specs/kernels.yaml:5:10})
   */
  public CopiedFile(
      String path,
      String description,
      Path source,
      String expectedSha256,
      String origin,
      List<ResourceId> dependsOn) {
    super(path, description + " (from " + source + ")", "0644", dependsOn);
    this.source = source;
    this.expectedSha256 = expectedSha256;
    this.origin = origin;
  }

  public Path source() {
    return source;
  }

  @Override
  Content render() {
    byte[] bytes = new SourceFile(source, named()).read();
    Content content = Content.binary(bytes);
    if (expectedSha256 != null && !expectedSha256.equals(content.sha256().hex())) {
      throw new NetrootException(
          "source "
              + source
              + " has sha256 "
              + content.sha256()
              + " but the spec pins "
              + expectedSha256
              + named());
    }
    return content;
  }

  private String named() {
    return origin == null ? "" : " (named at " + origin + ")";
  }

  @Override
  boolean isText() {
    return false;
  }
}
