package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  Path script;

  @BeforeEach
  void setUp() throws Exception {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {0x4d, 0x5a, 1, 2, 3});
    Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {0x1f, (byte) 0x8b, 0});
    server = new E2eBootServer(dir, kernel, initrd);
    server.apply();
    // udhcpc runs this on a lease; it prints what the server offered instead of configuring.
    script = dir.resolve("udhcpc.script");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "[ \"$1\" = bound ] && echo \"LEASE ip=$ip siaddr=$siaddr boot_file=$boot_file\"\n"
            + "exit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
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
    String busybox = Require.program("busybox", "busybox-static");
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), mac)) {
      Daemons.dhcpd(lab, server, dir);
      List<String> command =
          new ArrayList<>(
              List.of(
                  busybox,
                  "udhcpc",
                  "-f",
                  "-q",
                  "-n",
                  "-i",
                  "eth0",
                  "-s",
                  script.toString(),
                  "-t",
                  "5",
                  "-T",
                  "2",
                  "-A",
                  "1"));
      command.addAll(List.of(options));
      NetworkLab.Result result = lab.exec(lab.client, Duration.ofSeconds(30), command);
      String lease =
          result.output().lines().filter(l -> l.startsWith("LEASE ")).findFirst().orElse(null);
      assertThat(lease)
          .as("udhcpc got no lease (exit %d): %s%s", result.exit(), result.output(), lab.logsText())
          .isNotNull();
      return lease.substring("LEASE ".length());
    }
  }
}
