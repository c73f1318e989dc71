package io.netroot.catalog;

import io.netroot.spec.BootServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where things live on this boot server: the BootServer spec with every unset field filled in from
 * the platform's conventions (Debian's today: {@code /srv/tftp}, {@code isc-dhcp-server}, {@code
 * nfs-kernel-server}, {@code tftpd-hpa}).
 *
 * @param nfsConfFile the nfs-utils configuration whose {@code [nfsd]} keys netroot manages when the
 *     spec sets {@code nfs.versions} or {@code nfs.udp}
 */
public record ServerLayout(
    String preset,
    String tftpRoot,
    String dhcpConfig,
    String dhcpService,
    String exportsFile,
    String nfsService,
    String tftpService,
    Path pxelinuxDir,
    Path modulesDir,
    List<String> modules,
    String nfsConfFile) {

  /** Where Debian (pxelinux, syslinux-common) and Fedora (syslinux) put the PXE bootloader. */
  static final List<String> PXELINUX_DIRS = List.of("/usr/lib/PXELINUX", "/usr/share/syslinux");

  /** Where Debian and Fedora put ldlinux.c32 and the menu modules for BIOS. */
  static final List<String> MODULE_DIRS =
      List.of("/usr/lib/syslinux/modules/bios", "/usr/share/syslinux");

  /** Where nfs-utils reads the NFS server's settings. */
  static final String NFS_CONF_FILE = "/etc/nfs.conf";

  public ServerLayout {
    modules = List.copyOf(modules);
  }

  /** A layout with the default {@code /etc/nfs.conf}. */
  public ServerLayout(
      String preset,
      String tftpRoot,
      String dhcpConfig,
      String dhcpService,
      String exportsFile,
      String nfsService,
      String tftpService,
      Path pxelinuxDir,
      Path modulesDir,
      List<String> modules) {
    this(
        preset,
        tftpRoot,
        dhcpConfig,
        dhcpService,
        exportsFile,
        nfsService,
        tftpService,
        pxelinuxDir,
        modulesDir,
        modules,
        NFS_CONF_FILE);
  }

  /** Fills the fields the spec left out. */
  public static ServerLayout resolve(BootServer server) {
    BootServer.Bootloader boot = server.bootloader();
    return new ServerLayout(
        "debian",
        or(server.tftpRoot(), "/srv/tftp"),
        or(server.dhcp().config(), "/etc/dhcp/dhcpd.conf"),
        or(server.dhcp().service(), "isc-dhcp-server"),
        or(server.nfs().exportsFile(), "/etc/exports"),
        or(server.nfs().service(), "nfs-kernel-server"),
        or(server.tftp().service(), "tftpd-hpa"),
        Path.of(or(boot.pxelinuxDir(), firstExisting(PXELINUX_DIRS, "pxelinux.0"))),
        Path.of(or(boot.modulesDir(), firstExisting(MODULE_DIRS, "ldlinux.c32"))),
        boot.modules(),
        or(server.nfs().confFile(), NFS_CONF_FILE));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }

  /** The first directory that holds {@code file}, or the first candidate when none does. */
  private static String firstExisting(List<String> dirs, String file) {
    return dirs.stream()
        .filter(dir -> Files.isRegularFile(Path.of(dir, file)))
        .findFirst()
        .orElse(dirs.get(0));
  }

  /** The server path of a file inside the TFTP root. */
  public String tftp(String relative) {
    return tftpRoot.endsWith("/") ? tftpRoot + relative : tftpRoot + "/" + relative;
  }
}
