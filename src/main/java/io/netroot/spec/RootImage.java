package io.netroot.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory on the boot server that clients mount as their root filesystem, and what netroot
 * keeps right inside it.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: RootImage
 * metadata: {name: cent55}
 * spec:
 *   path: /storage/diskless/cent55_root
 *   source: {tarball: images/cent55.tar.gz, sha256: "…"}   # or {directory: /path}
 *   readOnly: false
 *   devices: static            # static | devtmpfs
 *   disableServices: [microcode_ctl, yum-updatesd]
 * }</pre>
 *
 * @param path absolute path on the boot server
 * @param source what fills an empty image directory once, or {@code null}
 * @param readOnly clients mount the root read-only ({@code ro} in its fstab line)
 * @param devices how {@code /dev} gets its nodes
 * @param disableServices services turned off inside the image
 */
public record RootImage(
    String name,
    String path,
    Source source,
    boolean readOnly,
    Devices devices,
    List<String> disableServices,
    Origin origin)
    implements SpecDocument {

  public RootImage {
    disableServices = List.copyOf(disableServices);
  }

  /** A root image that only names its directory, as in the simplest specs. */
  public RootImage(String name, String path, Origin origin) {
    this(name, path, null, false, Devices.DEVTMPFS, List.of(), origin);
  }

  /**
   * Where the image's files come from: a tarball (checksum-pinned when {@code sha256} is set) or a
   * directory on this machine. Exactly one of the two is set.
   */
  public record Source(Path tarball, String sha256, Path directory) {}

  /** How {@code /dev} is populated on the client. */
  public enum Devices {
    /** Real device nodes in the image, for kernels booted without an initramfs or devtmpfs. */
    STATIC,
    /** The kernel mounts devtmpfs on {@code /dev} (CONFIG_DEVTMPFS_MOUNT) or the initramfs does. */
    DEVTMPFS
  }
}
