package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import java.nio.file.Path;

/**
 * The paths netroot owns below the TFTP root, relative to it and always with {@code /}: the
 * pxelinux configuration directory and one directory of boot images per kernel.
 */
public final class TftpLayout {

  /** The directory pxelinux reads its configuration files from. */
  public static final String PXELINUX_CFG = "pxelinux.cfg";

  /** The boot loader BIOS clients fetch first. */
  public static final String BIOS_BOOT_FILE = "pxelinux.0";

  /** The directory of the x86-64 UEFI tree, with its own {@code pxelinux.cfg/}. */
  public static final String EFI64 = "efi64";

  /** The boot loader x86-64 UEFI clients fetch first (Debian's syslinux-efi). */
  public static final String EFI_BOOT_FILE = EFI64 + "/syslinux.efi";

  /**
   * The directory of the Secure Boot chain, which is also GRUB's {@code $prefix}: Debian's signed
   * network GRUB ({@code grubnetx64.efi}) is built with the prefix {@code /grub} on the device it
   * was loaded from, and its embedded configuration sources {@code $prefix/x86_64-efi/grub.cfg}
   * when that exists, else {@code $prefix/grub.cfg}.
   */
  public static final String GRUB = "grub";

  /** The signed shim x86-64 UEFI clients of {@code loader: grub} profiles fetch first. */
  public static final String SHIM_BOOT_FILE = GRUB + "/shimx64.efi";

  /**
   * The signed network GRUB, under the name shim loads from the directory it was itself loaded
   * from.
   */
  public static final String GRUB_IMAGE = GRUB + "/grubx64.efi";

  /** The directory holding one sub-directory per kernel. */
  public static final String IMAGES = "images";

  private TftpLayout() {}

  /**
   * The menu pxelinux falls back to when no per-host file matches: {@code pxelinux.cfg/default}.
   */
  public static String menuConfig() {
    return PXELINUX_CFG + "/default";
  }

  /** The host's own file, found by its MAC: {@code pxelinux.cfg/01-08-00-2b-4c-59-23}. */
  public static String hostConfig(Host host) {
    return PXELINUX_CFG + "/" + host.mac().pxelinuxConfigName();
  }

  /** GRUB's menu, {@code grub/grub.cfg}: the file Debian's network GRUB reads. */
  public static String grubMenu() {
    return GRUB + "/grub.cfg";
  }

  /**
   * The host's own GRUB file, found by its MAC as upstream GRUB names it ({@code
   * grub/grub.cfg-01-08-00-2b-4c-59-23}); netroot's menu looks for it first.
   */
  public static String grubHostConfig(Host host) {
    return GRUB + "/grub.cfg-" + host.mac().pxelinuxConfigName();
  }

  /** The name a kernel taken from a root image is published under, whatever its release. */
  public static final String IMAGE_KERNEL = "vmlinuz";

  /** The name the initramfs of a kernel taken from a root image is published under. */
  public static final String IMAGE_INITRD = "initrd.img";

  /**
   * The kernel image: {@code images/<kernel name>/<file name of the image>}; for a kernel taken
   * from a root image, {@code images/<kernel name>/vmlinuz}, so a rebuild with a newer kernel
   * changes the file and not the PXE configs.
   */
  public static String kernelImage(Kernel kernel) {
    return kernel.fromImage() != null
        ? IMAGES + "/" + kernel.name() + "/" + IMAGE_KERNEL
        : imagePath(kernel, kernel.image());
  }

  /**
   * The initrd: {@code images/<kernel name>/<file name of the initrd>} ({@code initrd.img} for a
   * kernel taken from a root image), or {@code null}.
   */
  public static String kernelInitrd(Kernel kernel) {
    if (kernel.fromImage() != null) {
      return IMAGES + "/" + kernel.name() + "/" + IMAGE_INITRD;
    }
    return kernel.initrd() == null ? null : imagePath(kernel, kernel.initrd());
  }

  private static String imagePath(Kernel kernel, Path file) {
    return IMAGES + "/" + kernel.name() + "/" + file.getFileName();
  }
}
