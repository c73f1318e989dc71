package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU guest PXE-boots to its NFS root through netroot's other DHCP servers: first Kea ({@code
 * dhcp: {server: kea}}); then, the specs switched to dnsmasq in proxy mode, a site DHCP server that
 * netroot does not manage (ISC dhcpd started by the test on a plain configuration: addresses only,
 * no boot options) gives the guest its address and netroot's dnsmasq tells it where to boot from;
 * last, the specs switched to dnsmasq in full mode and the site's server stopped, dnsmasq gives the
 * guest its Host's fixed address and where to boot from.
 *
 * <p>One lab, one kernel and initrd, and one TFTP server and NFS-Ganesha serve the three boots, to
 * keep the class short; each boot starts and ends its own DHCP servers. The site's dhcpd runs in
 * the lab's client namespace, another machine on the same link (10.77.0.2), so that it and dnsmasq
 * each have port 67 of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DhcpBackendsBootIT {

  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
  static final String SITE_DHCP_IP = "10.77.0.2";

  Path dir;
  Path rom;
  E2eBootServer server;
  Path image;
  String mark;
  NetworkLab lab;
  SyslogSocket syslog;

  /** The site's own dhcpd of the proxy boot, stopped before dnsmasq gives the addresses. */
  Process site;

  @BeforeAll
  void setUp(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    rom = PxeGuest.rom();
    Path initrd = BootImages.debianInitrd(dir, BootImages.MODULES, 0);
    server =
        new E2eBootServer(
            dir, BootIT.KERNEL_DIR.resolve("vmlinuz"), initrd, E2eBootServer.Dhcp.KEA);
    mark = "booted-" + UUID.randomUUID();
    image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);
    server.apply();

    lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
    syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"));
    Daemons.tftpd(lab, server, syslog);
    Daemons.ganesha(lab, server);
  }

  @AfterAll
  void tearDown() {
    if (syslog != null) {
      syslog.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void aGuestBootsThroughKea() throws Exception {
    assertThat(Files.readString(server.path(E2eBootServer.KEA_CONF))).contains("# BEGIN netroot");
    Process kea = Daemons.kea(lab, server);
    try {
      String cmdline = boot("kea");
      assertThat(cmdline).contains("boot=nfs").contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e");
      assertThat(Daemons.read(lab.log("kea-dhcp4")))
          .contains("DHCP4_LEASE_ALLOC")
          .contains(E2eBootServer.HOST_IP);
    } finally {
      NetworkLab.stop(kea);
    }
  }

  @Test
  @Order(2)
  void aGuestGetsItsAddressFromTheSiteDhcpServerAndBootsFromDnsmasqInProxyMode() throws Exception {
    server.useDhcp(E2eBootServer.Dhcp.DNSMASQ_PROXY);
    String applied = server.apply();
    assertThat(applied)
        .contains("+ create /etc/dnsmasq.d/netroot.conf")
        .containsPattern("- delete /etc/kea/kea-dhcp4.conf .*\\[backup [^]]+\\]")
        .contains("would stop and disable kea-dhcp4-server");
    assertThat(Files.readString(server.path(E2eBootServer.KEA_CONF)))
        .doesNotContain("# BEGIN netroot");
    assertThat(Files.readString(server.path(E2eBootServer.DNSMASQ_CONF)))
        .contains("dhcp-range=set:netroot-lab,10.77.0.0,proxy,255.255.255.0");

    lab.addClientAddress(SITE_DHCP_IP + "/24");
    Path siteConf = dir.resolve("site-dhcpd.conf");
    Files.writeString(
        siteConf,
        """
        # the site's own DHCP server: addresses only, nothing about booting
        ddns-update-style none;
        authoritative;
        subnet 10.77.0.0 netmask 255.255.255.0 {
          range 10.77.0.100 10.77.0.199;
          option routers 10.77.0.1;
        }
        host node01 {
          hardware ethernet %s;
          fixed-address %s;
        }
        """
            .formatted(E2eBootServer.HOST_MAC, E2eBootServer.HOST_IP));
    site = Daemons.dhcpd(lab, lab.client, "site-dhcpd", siteConf, dir, "eth0");
    Process dnsmasq = Daemons.dnsmasq(lab, server, dir);
    try {
      String cmdline = boot("proxy");
      assertThat(cmdline).contains("boot=nfs").contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e");
      assertThat(Daemons.read(lab.log("site-dhcpd")))
          .contains("DHCPACK on " + E2eBootServer.HOST_IP + " to " + E2eBootServer.HOST_MAC);
      assertThat(Daemons.read(lab.log("dnsmasq")))
          .contains("proxy")
          .contains(E2eBootServer.HOST_MAC)
          .doesNotContain("DHCPACK(br0) " + E2eBootServer.HOST_IP);
    } finally {
      NetworkLab.stop(dnsmasq);
      NetworkLab.stop(site);
    }
  }

  @Test
  @Order(3)
  void aGuestGetsItsFixedAddressFromDnsmasqInFullModeAndBoots() throws Exception {
    // one DHCP server only: the site's dhcpd of the proxy boot is gone, and nothing else answers
    if (site != null) {
      NetworkLab.stop(site);
      assertThat(site.isAlive()).as("the site's dhcpd").isFalse();
    }
    for (String namespace : List.of(lab.server, lab.client)) {
      assertThat(
              lab.exec(namespace, Duration.ofSeconds(10), List.of("ss", "-Huln", "sport = :67"))
                  .output())
          .as("a DHCP server still listens in %s", namespace)
          .isBlank();
    }

    server.useDhcp(E2eBootServer.Dhcp.DNSMASQ_FULL);
    assertThat(server.apply()).contains("~ update /etc/dnsmasq.d/netroot.conf");
    assertThat(Files.readString(server.path(E2eBootServer.DNSMASQ_CONF)))
        .contains("dhcp-range=set:netroot-lab,10.77.0.100,10.77.0.199,255.255.255.0")
        .contains("dhcp-host=" + E2eBootServer.HOST_MAC + "," + E2eBootServer.HOST_IP)
        .doesNotContain("proxy");

    Process dnsmasq = Daemons.dnsmasq(lab, server, dir, "dnsmasq-full");
    try {
      String cmdline = boot("full");
      assertThat(cmdline).contains("boot=nfs").contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e");
      assertThat(Daemons.read(lab.log("dnsmasq-full")))
          .contains("DHCPACK(br0) " + E2eBootServer.HOST_IP + " " + E2eBootServer.HOST_MAC);
    } finally {
      NetworkLab.stop(dnsmasq);
    }
  }

  /** Boots the guest once, after removing the mark of a boot before; its command line. */
  private String boot(String name) throws Exception {
    Files.deleteIfExists(image.resolve(mark));
    return PxeGuest.boot(lab, rom, E2eBootServer.HOST_MAC, image.resolve(mark), name, BOOT_TIMEOUT);
  }
}
