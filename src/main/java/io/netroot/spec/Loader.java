package io.netroot.spec;

import java.util.Locale;

/** Which bootloader a profile's machines are handed over the network. */
public enum Loader {
  /** pxelinux for BIOS, syslinux.efi for UEFI, over TFTP (the default). */
  SYSLINUX,
  /** UEFI: the signed shim, then the distribution's signed network GRUB (Secure Boot). */
  GRUB,
  /** Chain-loaded iPXE, which fetches a per-host script, kernel and initrd over HTTP. */
  IPXE;

  /** The spelling in YAML: {@code syslinux}, {@code grub}, {@code ipxe}. */
  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }
}
