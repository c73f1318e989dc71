package io.netroot.spec;

import java.nio.file.Path;

/**
 * A kernel (and optional initrd) to serve over TFTP. Relative paths in YAML are resolved against
 * the spec file's directory when loaded, so the paths here are absolute.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: Kernel
 * metadata: {name: linux-nfs1}
 * spec:
 *   image: kernels/vmlinuz-nfs1
 *   initrd: kernels/initrd.img-nfs1    # optional
 *   sha256: "9f2c…"                    # optional pin
 *   config: kernels/config-nfs1        # optional: the kernel's .config, checked for NFS root
 *   rootMethod: kernel                 # kernel | initramfs-tools | dracut
 * }</pre>
 *
 * <p>Or the newest kernel and initramfs of a root image that netroot builds, followed across
 * rebuilds:
 *
 * <pre>{@code
 * spec:
 *   fromImage: bookworm
 *   rootMethod: initramfs-tools
 * }</pre>
 *
 * @param image the kernel image on this machine, or {@code null} with {@code fromImage}
 * @param initrd the initial ramdisk on this machine, or {@code null}
 * @param sha256 the expected sha256 of the image in lowercase hex, or {@code null}
 * @param config the kernel's build configuration on this machine, or {@code null}
 * @param rootMethod who mounts the root filesystem
 * @param fromImage the name of the RootImage whose kernel and initramfs are published, or {@code
 *     null}
 */
public record Kernel(
    String name,
    Path image,
    Path initrd,
    String sha256,
    Path config,
    RootMethod rootMethod,
    String fromImage,
    Origin origin)
    implements SpecDocument {

  /** A kernel from files on this machine. */
  public Kernel(
      String name,
      Path image,
      Path initrd,
      String sha256,
      Path config,
      RootMethod rootMethod,
      Origin origin) {
    this(name, image, initrd, sha256, config, rootMethod, null, origin);
  }

  /** A kernel booted by its own NFS root code, with no build config to check. */
  public Kernel(String name, Path image, Path initrd, String sha256, Origin origin) {
    this(name, image, initrd, sha256, null, RootMethod.KERNEL, origin);
  }
}
