package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in that {@code bin/agent apply} wrote with {@code dhcp: {server: dnsmasq, mode: full}},
 * served by a real dnsmasq in the lab's server namespace to busybox's udhcpc in the client's:
 * dnsmasq gives the addresses itself, as {@link DhcpIT}'s dhcpd and {@link KeaDhcpIT}'s Kea do.
 */
class DnsmasqDhcpIT {

  @TempDir Path dir;

  @Test
  void theHostGetsItsFixedAddressTheNextServerAndTheBootFileOfItsFirmware() throws Exception {
    E2eBootServer server = E2eBootServer.withStubBoot(dir, E2eBootServer.Dhcp.DNSMASQ_FULL);
    server.apply();
    assertThat(Files.readString(server.path(E2eBootServer.DNSMASQ_CONF)))
        .contains("dhcp-range=set:netroot-lab,10.77.0.100,10.77.0.199,255.255.255.0")
        .contains("dhcp-host=" + E2eBootServer.HOST_MAC + "," + E2eBootServer.HOST_IP);
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), E2eBootServer.HOST_MAC)) {
      Daemons.dnsmasq(lab, server, dir);
      assertThat(Udhcpc.lease(lab, dir))
          .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=pxelinux.0");
      // option 93 = 7: x86-64 UEFI
      assertThat(Udhcpc.lease(lab, dir, "-x", "0x5d:0007"))
          .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=efi64/syslinux.efi");
      assertThat(Daemons.read(lab.log("dnsmasq")))
          .contains("DHCPACK(br0) " + E2eBootServer.HOST_IP + " " + E2eBootServer.HOST_MAC);

      lab.setClientMac("52:54:00:77:00:99");
      assertThat(Udhcpc.lease(lab, dir))
          .matches("ip=10\\.77\\.0\\.1[0-9][0-9] siaddr=10\\.77\\.0\\.1 boot_file=pxelinux\\.0");
    }
  }
}
