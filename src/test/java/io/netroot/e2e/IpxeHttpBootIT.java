package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loader: ipxe} end to end: what {@code bin/agent apply} wrote for a profile booted through
 * iPXE serves a BIOS guest and a UEFI guest (OVMF), each to its NFS root. dhcpd runs on the applied
 * {@code dhcpd.conf}, tftpd-hpa on the TFTP root, nginx on netroot's drop-in (in a main config of
 * the test's own, the HTTP root bind-mounted where the drop-in says), NFS-Ganesha on the applied
 * exports.
 *
 * <p>The UEFI guest has a virtio NIC without an option ROM, so its firmware's own PXE (OVMF's,
 * which is not iPXE) asks first and is sent {@code ipxe/ipxe.efi} over TFTP; iPXE then asks DHCP
 * again with its user class, gets its host's script over HTTP, and loads Debian's kernel and the
 * test's initrd over HTTP: the chain-load, and that it stops at iPXE. The BIOS guest's network ROM
 * is QEMU's own iPXE (an e1000's), which says so in its first request and goes to its script
 * straight away (the TFTP step, {@code undionly.kpxe}, is for PXE ROMs that are not iPXE; no PXE
 * ROM of QEMU is another). Each guest's kernel command line is its script's, and nginx's log shows
 * the kernel and initrd fetched.
 */
class IpxeHttpBootIT {

  static final String BIOS_MAC = "52:54:00:77:00:21";
  static final String UEFI_MAC = "52:54:00:77:00:22";
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void aBiosAndAUefiGuestBootThroughIpxeOverHttpToTheirNfsRoot() throws Exception {
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    Require.file(NetworkLab.OVMF, "bin/setup installs it (Debian package ovmf)");
    Path initrd = BootImages.debianInitrd(dir, BootImages.MODULES, 0);

    E2eBootServer server = new E2eBootServer(dir);
    server.writeSpecs(
        specs(BootIT.KERNEL_DIR.resolve("vmlinuz").toAbsolutePath(), initrd.toAbsolutePath()));
    String mark = "booted-" + UUID.randomUUID();
    Path image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);
    String applied = server.apply();
    assertThat(applied)
        .contains("/srv/tftp/ipxe/undionly.kpxe", "/srv/tftp/ipxe/ipxe.efi")
        .contains("/srv/netroot-http/ipxe/01-52-54-00-77-00-21.ipxe")
        .contains("/etc/nginx/conf.d/netroot.conf");
    String script =
        Files.readString(server.path("/srv/netroot-http/ipxe/01-52-54-00-77-00-22.ipxe"));
    assertThat(script).contains("kernel http://10.77.0.1/images/debian/vmlinuz");

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, dir);
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);
      Daemons.nginx(lab, server, "/etc/nginx/conf.d/netroot.conf", dir);

      String bios = boot(lab, qemu, "ipxe-bios", BIOS_MAC, NetworkLab.Firmware.BIOS, image, mark);
      assertThat(bios)
          .contains("boot=nfs", "nfsroot=10.77.0.1:/srv/nfsroot/e2e,tcp,vers=3", "panic=5")
          .contains("BOOTIF=01-52-54-00-77-00-21")
          .contains("initrd=initrd.img");
      assertThat(Daemons.read(lab.log("nginx-access")))
          .contains("GET /ipxe/01-52-54-00-77-00-21.ipxe ")
          .contains("GET /images/debian/vmlinuz ")
          .contains("GET /images/debian/initrd.img ");

      Files.delete(image.resolve(mark));
      String uefi = boot(lab, qemu, "ipxe-uefi", UEFI_MAC, NetworkLab.Firmware.UEFI, image, mark);
      assertThat(uefi)
          .contains("boot=nfs", "nfsroot=10.77.0.1:/srv/nfsroot/e2e,tcp,vers=3")
          .contains("BOOTIF=01-52-54-00-77-00-22");
      assertThat(Daemons.read(lab.log("nginx-access")))
          .contains("GET /ipxe/01-52-54-00-77-00-22.ipxe ");
      assertThat(Daemons.read(lab.log("tftpd-syslog"))).contains("ipxe/ipxe.efi");
    }
  }

  /** Powers a guest on and returns what its root image's init wrote to the mark. */
  private static String boot(
      NetworkLab lab,
      String qemu,
      String name,
      String mac,
      NetworkLab.Firmware firmware,
      Path image,
      String mark)
      throws Exception {
    Process guest =
        firmware == NetworkLab.Firmware.BIOS
            ? lab.startGuest(qemu, name, mac, firmware)
            : startWithFirmwarePxe(lab, qemu, name, mac);
    Path file = image.resolve(mark);
    try {
      boolean ended = NetworkLab.await(BOOT_TIMEOUT, () -> Files.exists(file) || !guest.isAlive());
      if (!Files.exists(file)) {
        fail(
            "the "
                + name
                + " guest left no mark"
                + (ended ? " (QEMU exited " + guest.exitValue() + ")" : " within " + BOOT_TIMEOUT)
                + lab.logsText());
      }
      return Files.readString(file);
    } finally {
      NetworkLab.stop(guest);
      lab.removeTap("tap" + name.substring(name.length() - 2));
    }
  }

  /**
   * A UEFI guest whose NIC (virtio, no option ROM) is driven by OVMF itself, so that OVMF's own
   * PXE, not iPXE, makes the first request; tap and logs as {@link NetworkLab#startGuest}'s.
   */
  static Process startWithFirmwarePxe(NetworkLab lab, String qemu, String name, String mac) {
    String tap = "tap" + name.substring(name.length() - 2);
    lab.addTap(tap);
    List<String> command =
        NetworkLab.guestCommand(qemu, "accel=tcg", 1024, lab.log("serial-" + name), tap);
    command.addAll(
        List.of(
            "-bios",
            NetworkLab.OVMF.toString(),
            "-device",
            "virtio-net-pci,netdev=n0,mac=" + mac + ",romfile=,bootindex=1"));
    return lab.start(lab.server, "qemu-" + name, command);
  }

  /** The e2e server with an HTTP root, one profile booted through iPXE and its two hosts. */
  static String specs(Path kernel, Path initrd) {
    return E2eBootServer.serverSpecs()
            .replace(
                "  pxe: {timeout: 1, default: e2e}\n",
                "  pxe: {timeout: 1, default: e2e}\n  http: {port: 80, root: /srv/netroot-http}\n")
        + E2eBootServer.kernelImageAndExport(kernel, initrd)
        + """
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: e2e}
        spec:
          kernel: debian
          rootImage: e2e
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", panic=5]
          loader: ipxe
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: bios01}
        spec: {mac: "%1$s", ip: 10.77.0.21, profile: e2e}
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: uefi01}
        spec: {mac: "%2$s", ip: 10.77.0.22, profile: e2e}
        """
            .formatted(BIOS_MAC, UEFI_MAC);
  }
}
