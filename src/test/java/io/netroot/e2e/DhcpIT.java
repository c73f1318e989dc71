package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dhcpd.conf that {@code bin/agent apply} wrote, served by a real ISC dhcpd in one network
 * namespace to busybox's udhcpc in another.
 */
class DhcpIT {

  @TempDir Path dir;
  E2eBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {0x4d, 0x5a, 1, 2, 3});
    Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {0x1f, (byte) 0x8b, 0});
    server = new E2eBootServer(dir, kernel, initrd);
    server.apply();
  }

  @Test
  void theHostGetsItsFixedAddressTheNextServerAndTheBiosBootFile() throws Exception {
    assertThat(lease(E2eBootServer.HOST_MAC))
        .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=pxelinux.0");
  }

  @Test
  void anUnknownMacGetsAnAddressFromTheDynamicRange() throws Exception {
    String lease = lease("52:54:00:77:00:99");
    assertThat(lease).matches("ip=10\\.77\\.0\\.(1[0-9][0-9]) siaddr=10\\.77\\.0\\.1 .*");
    int last = Integer.parseInt(lease.replaceAll("^ip=10\\.77\\.0\\.([0-9]+) .*", "$1"));
    assertThat(last).isBetween(100, 199);
  }

  @Test
  void aUefiClientGetsTheUefiBootFile() throws Exception {
    assertThat(lease(E2eBootServer.HOST_MAC, "-x", "0x5d:0007"))
        .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=efi64/syslinux.efi");
  }

  /** One DHCP exchange from a client with {@code mac}; what it was offered. */
  private String lease(String mac, String... options) throws Exception {
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), mac)) {
      Daemons.dhcpd(lab, server, dir);
      return Udhcpc.lease(lab, dir, options);
    }
  }
}
