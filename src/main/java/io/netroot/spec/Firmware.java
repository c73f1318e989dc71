package io.netroot.spec;

import java.util.Locale;

/** Which firmware a machine PXE-boots from, and so which bootloader DHCP hands it. */
public enum Firmware {
  /** Legacy BIOS PXE: {@code pxelinux.0}. */
  BIOS,
  /** x86-64 UEFI (DHCP option 93 = 7 or 9): {@code efi64/syslinux.efi}. */
  UEFI,
  /** Whichever the client announces in DHCP option 93. */
  AUTO;

  /** The spelling in YAML: {@code bios}, {@code uefi}, {@code auto}. */
  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }
}
