package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * busybox's DHCP client, {@code udhcpc}, in the lab's client namespace: one exchange with whatever
 * DHCP server runs in the lab, and what that server offered (address, next-server, boot file). The
 * script udhcpc runs on a lease prints the offer instead of configuring the interface, and the
 * client quits without releasing, so the server keeps the lease.
 */
final class Udhcpc {

  private Udhcpc() {}

  /**
   * One DHCP exchange from the client's {@code eth0}.
   *
   * @param dir where the lease script is written
   * @param options more udhcpc options, such as {@code -x 0x5d:0007} (option 93: x86-64 UEFI)
   * @return {@code ip=… siaddr=… boot_file=…}
   */
  static String lease(NetworkLab lab, Path dir, String... options) throws IOException {
    String busybox = Require.program("busybox", "busybox-static");
    Path script = dir.resolve("udhcpc.script");
    if (!Files.exists(script)) {
      Files.writeString(
          script,
          "#!/bin/sh\n"
              + "[ \"$1\" = bound ] && echo \"LEASE ip=$ip siaddr=$siaddr boot_file=$boot_file\"\n"
              + "exit 0\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
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
