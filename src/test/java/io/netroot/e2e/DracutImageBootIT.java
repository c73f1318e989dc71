package io.netroot.e2e;

import static io.netroot.e2e.BootImages.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root image netroot builds with dracut: its Kernel says {@code fromImage} with {@code
 * rootMethod: dracut}, so {@code bin/agent apply} builds the Debian bookworm image with the real
 * mmdebstrap from a few packages (netroot adds dracut, dracut-network, netbase, nfs-common and
 * procps), and dracut, not initramfs-tools, makes its initramfs with netroot's configuration and
 * modules. One BIOS QEMU guest (software emulation, the iPXE ROM of an e1000) then PXE-boots it
 * from dhcpd, tftpd-hpa and NFS-Ganesha with {@code ip=dhcp root=nfs:…}.
 *
 * <p>The node must reach {@code systemctl is-system-running} = {@code running} with no failed unit,
 * take its Host's name from DHCP, have {@code /} as netroot's overlay over the read-only NFS root,
 * keep its DHCP address for good (dhclient, which gave it, is gone), and leave nothing it writes in
 * the image on the server. The image's {@code /etc/rc.local} reports all that on the serial console
 * ({@link BootImages#RC_LOCAL}).
 *
 * <p>Packages are kept in {@link E2eBootServer#PACKAGES}, shared with {@link BuiltImageBootIT}, so
 * only dracut's few are downloaded for this test.
 */
class DracutImageBootIT {

  static final String IMAGE = "/srv/nfsroot/bookworm-dracut";
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(8);

  /** What the spec lists: a kernel and systemd; netroot adds what dracut needs. */
  static final List<String> PACKAGES = List.of("linux-image-amd64", "systemd-sysv");

  static final NodeBoots.Node NODE =
      new NodeBoots.Node("node05", "52:54:00:77:00:25", "10.77.0.25", false);

  @TempDir Path dir;

  @Test
  void aNodeBootsAnImageWhoseInitramfsDracutMadeToRunningWithItsNameAndAnOverlayRoot()
      throws Exception {
    Require.root();
    Require.program("mmdebstrap", "mmdebstrap");
    E2eBootServer server = new E2eBootServer(dir);
    server.linkPackageCache();
    server.writeSpecs(E2eBootServer.builtImageSpecs(IMAGE, PACKAGES, "dracut", List.of(NODE)));
    Duration buildTime = server.applyBuild(BUILD_TIMEOUT, dir.resolve("apply.log"));
    Path image = server.path(IMAGE);
    assertThat(image.resolve("etc/rc.local"))
        .as("apply: %s", Files.readString(dir.resolve("apply.log")))
        .exists();
    assertThat(image.resolve("etc/dracut.conf.d/netroot.conf")).exists();
    assertThat(image.resolve("var/lib/dpkg/info/dracut.list")).as("dracut installed").exists();
    assertThat(image.resolve("var/lib/dpkg/info/initramfs-tools.list"))
        .as("initramfs-tools installed")
        .doesNotExist();
    long initrd = Files.size(server.path(E2eBootServer.TFTP_ROOT + "/images/bookworm/initrd.img"));
    System.out.printf(
        "DracutImageBootIT: image built and published in %d s; %d MiB, its initramfs %d MiB%n",
        buildTime.toSeconds(),
        server.images().path(0).path("generations").path(0).path("bytes").asLong() >> 20,
        initrd >> 20);
    String pxe =
        Files.readString(
            server
                .path(E2eBootServer.TFTP_ROOT)
                .resolve("pxelinux.cfg/01-" + NODE.mac().replace(':', '-')));
    assertThat(pxe).contains("ip=dhcp root=nfs:10.77.0.1:" + IMAGE + ":tcp,vers=3");

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, Files.createDirectories(dir.resolve("daemons")));
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);

      NodeBoots.Boots booted =
          new NodeBoots(lab, IMAGE, BOOT_TIMEOUT, "DracutImageBootIT")
              .boot(List.of(NODE), NetworkLab.Firmware.BIOS);

      Map<String, List<String>> report = booted.reports().get(NODE.name());
      assertThat(report.get("address"))
          .as("the node's address, which dhclient gave with the lease's lifetime")
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a)
                      .contains("inet " + NODE.ip() + "/24")
                      .contains("valid_lft forever"));
      assertThat(one(report, "var-tmp").split(" ")).contains("written-by-" + NODE.name());
    }
    try (Stream<Path> files = Files.list(server.path(IMAGE).resolve("var/tmp"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the image's /var/tmp after the boot")
          .noneMatch(f -> f.startsWith("written-by-"));
    }
  }
}
