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
 * metadata: {name: bookworm}
 * spec:
 *   path: /srv/nfsroot/bookworm
 *   build:                          # or source: {tarball: images/cent55.tar.gz, sha256: "…"}
 *     distribution: debian          # debian | ubuntu
 *     suite: bookworm
 *     packages: [linux-image-amd64, initramfs-tools, nfs-common, systemd-sysv]
 *     mirror: http://deb.debian.org/debian     # optional
 *     packageCache: /var/cache/netroot/packages  # optional: downloads kept between builds
 *   readOnly: true
 *   overlay: tmpfs                  # none | tmpfs: a writable layer per node over the shared root
 *   devices: devtmpfs               # static | devtmpfs
 *   disableServices: [apt-daily.timer]
 *   files:
 *     - {path: /etc/motd, content: "diskless node\n", mode: "0644"}
 * }</pre>
 *
 * @param path absolute path on the boot server
 * @param source what fills an empty image directory once, or {@code null}
 * @param build the distribution packages the image is built from, or {@code null}
 * @param readOnly clients mount the root read-only ({@code ro} in its fstab line)
 * @param overlay the per-node writable layer the initramfs puts over a read-only root
 * @param devices how {@code /dev} gets its nodes
 * @param disableServices services turned off inside the image
 * @param files files netroot keeps inside the image, like any managed file
 */
public record RootImage(
    String name,
    String path,
    Source source,
    Build build,
    boolean readOnly,
    Overlay overlay,
    Devices devices,
    List<String> disableServices,
    List<ImageFile> files,
    Origin origin)
    implements SpecDocument {

  public RootImage {
    disableServices = List.copyOf(disableServices);
    files = List.copyOf(files);
  }

  /** A root image that is filled or kept as it is, without a build, an overlay or files. */
  public RootImage(
      String name,
      String path,
      Source source,
      boolean readOnly,
      Devices devices,
      List<String> disableServices,
      Origin origin) {
    this(
        name,
        path,
        source,
        null,
        readOnly,
        Overlay.NONE,
        devices,
        disableServices,
        List.of(),
        origin);
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

  /**
   * An image built from distribution packages with {@code mmdebstrap}.
   *
   * @param distribution whose packages
   * @param suite the release ({@code bookworm}, {@code noble})
   * @param packages installed on top of the distribution's required set, sorted and without
   *     duplicates
   * @param mirror where packages come from, or {@code null} for the mirror of this machine's apt
   *     sources
   * @param packageCache a directory on the boot server where downloaded packages are kept between
   *     builds, or {@code null}
   */
  public record Build(
      Distribution distribution,
      String suite,
      List<String> packages,
      String mirror,
      String packageCache) {

    /**
     * What netroot adds to the packages of an image whose initramfs dracut makes: dracut itself (in
     * place of initramfs-tools), its network and NFS modules, and what those modules need that
     * Debian's dracut does not depend on: nfs-common (their {@code mount.nfs} and {@code rpcbind}),
     * netbase ({@code /etc/protocols}, without which {@code mount.nfs} fails with "Protocol not
     * supported") and procps ({@code pgrep}).
     */
    public static final List<String> DRACUT_PACKAGES =
        List.of("dracut", "dracut-network", "netbase", "nfs-common", "procps");

    public Build {
      packages = List.copyOf(new java.util.TreeSet<>(packages));
    }

    /**
     * The packages installed when {@code initramfs} makes the image's initramfs: {@link #packages},
     * with {@link #DRACUT_PACKAGES} for dracut; sorted, without duplicates.
     */
    public List<String> packagesFor(RootMethod initramfs) {
      if (initramfs != RootMethod.DRACUT) {
        return packages;
      }
      java.util.SortedSet<String> all = new java.util.TreeSet<>(packages);
      all.addAll(DRACUT_PACKAGES);
      return List.copyOf(all);
    }
  }

  /** The distributions an image can be built from. */
  public enum Distribution {
    DEBIAN,
    UBUNTU;

    /** The spelling in YAML. */
    public String yaml() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The writable layer a node puts over a read-only root. */
  public enum Overlay {
    /** None: the root is used as it is mounted. */
    NONE,
    /** A tmpfs per node, over the read-only NFS root (overlayfs, set up by the initramfs). */
    TMPFS
  }

  /**
   * A file netroot keeps inside the image.
   *
   * @param path absolute path inside the image
   * @param content the whole content
   * @param mode permission bits
   * @param origin where the spec names it, for messages
   */
  public record ImageFile(String path, String content, int mode, String origin) {}

  /** How {@code /dev} is populated on the client. */
  public enum Devices {
    /** Real device nodes in the image, for kernels booted without an initramfs or devtmpfs. */
    STATIC,
    /** The kernel mounts devtmpfs on {@code /dev} (CONFIG_DEVTMPFS_MOUNT) or the initramfs does. */
    DEVTMPFS
  }
}
