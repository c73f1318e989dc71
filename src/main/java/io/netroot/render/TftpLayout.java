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

  /** The kernel image: {@code images/<kernel name>/<file name of the image>}. */
  public static String kernelImage(Kernel kernel) {
    return imagePath(kernel, kernel.image());
  }

  /** The initrd: {@code images/<kernel name>/<file name of the initrd>}, or {@code null}. */
  public static String kernelInitrd(Kernel kernel) {
    return kernel.initrd() == null ? null : imagePath(kernel, kernel.initrd());
  }

  private static String imagePath(Kernel kernel, Path file) {
    return IMAGES + "/" + kernel.name() + "/" + file.getFileName();
  }
}
