package io.netroot.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A distribution family's conventions for a boot server: package service names, the TFTP root, and
 * where the syslinux and ipxe packages put their files, and the signed shim and network GRUB.
 * Anything the BootServer spec sets wins over these.
 */
public enum Platform {
  /**
   * Debian and Ubuntu: isc-dhcp-server, tftpd-hpa, nfs-kernel-server, pxelinux/syslinux-efi, ipxe.
   */
  DEBIAN(
      "/srv/tftp",
      "isc-dhcp-server",
      "tftpd-hpa",
      "nfs-kernel-server",
      "/usr/lib/PXELINUX",
      "/usr/lib/syslinux/modules/bios",
      "/usr/lib/SYSLINUX.EFI/efi64",
      "/usr/lib/syslinux/modules/efi64",
      "/usr/lib/shim/shimx64.efi.signed",
      "/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed",
      "/usr/lib/ipxe",
      "ipxe.efi"),
  /** Fedora, RHEL and its rebuilds: dhcp-server, tftp-server (socket-activated), nfs-utils. */
  FEDORA(
      "/var/lib/tftpboot",
      "dhcpd",
      "tftp.socket",
      "nfs-server",
      "/usr/share/syslinux",
      "/usr/share/syslinux",
      "/usr/share/syslinux/efi64",
      "/usr/share/syslinux/efi64",
      "/boot/efi/EFI/fedora/shimx64.efi",
      "/boot/efi/EFI/fedora/grubx64.efi",
      "/usr/share/ipxe",
      "ipxe-x86_64.efi");

  final String tftpRoot;
  final String dhcpService;
  final String tftpService;
  final String nfsService;
  final String pxelinuxDir;
  final String modulesDir;
  final String efiDir;
  final String efiModulesDir;
  final String shimFile;
  final String grubFile;
  final String ipxeDir;

  /**
   * The x86-64 UEFI iPXE's file name in {@link #ipxeDir} (Fedora's ipxe-bootimgs-x86 names it so).
   */
  final String ipxeEfi;

  Platform(
      String tftpRoot,
      String dhcpService,
      String tftpService,
      String nfsService,
      String pxelinuxDir,
      String modulesDir,
      String efiDir,
      String efiModulesDir,
      String shimFile,
      String grubFile,
      String ipxeDir,
      String ipxeEfi) {
    this.tftpRoot = tftpRoot;
    this.dhcpService = dhcpService;
    this.tftpService = tftpService;
    this.nfsService = nfsService;
    this.pxelinuxDir = pxelinuxDir;
    this.modulesDir = modulesDir;
    this.efiDir = efiDir;
    this.efiModulesDir = efiModulesDir;
    this.shimFile = shimFile;
    this.grubFile = grubFile;
    this.ipxeDir = ipxeDir;
    this.ipxeEfi = ipxeEfi;
  }

  /** The spelling in specs and output: {@code debian}, {@code fedora}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The platform named in a spec ({@code debian} or {@code fedora}). */
  static Platform named(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }

  /** The platform an os-release describes, by {@code ID} and then {@code ID_LIKE}; else empty. */
  static java.util.Optional<Platform> of(OsRelease release) {
    for (String id : release.ids()) {
      if (List.of("debian", "ubuntu", "raspbian", "linuxmint", "pop").contains(id)) {
        return java.util.Optional.of(DEBIAN);
      }
      if (List.of("fedora", "rhel", "centos", "rocky", "almalinux", "ol").contains(id)) {
        return java.util.Optional.of(FEDORA);
      }
    }
    return java.util.Optional.empty();
  }
}
