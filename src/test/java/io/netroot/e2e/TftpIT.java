package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TFTP root that {@code bin/agent apply} filled, served by a real tftpd-hpa (logging to a
 * {@code /dev/log} of the test's own) to busybox's tftp client in another namespace: the boot file,
 * the host's pxelinux.cfg file and the kernel arrive byte for byte.
 */
class TftpIT {

  @TempDir Path dir;

  @Test
  void theClientFetchesTheBootFileItsPxelinuxConfigAndTheKernel() throws Exception {
    byte[] kernelBytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(kernelBytes);
    Path kernel = Files.write(dir.resolve("vmlinuz"), kernelBytes);
    Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {0x1f, (byte) 0x8b, 0});
    E2eBootServer server = new E2eBootServer(dir, kernel, initrd);
    server.apply();
    String busybox = Require.program("busybox", "busybox-static");
    Path got = Files.createDirectories(dir.resolve("got"));

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), E2eBootServer.HOST_MAC);
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      lab.ip(lab.client, "addr", "add", E2eBootServer.HOST_IP + "/24", "dev", "eth0");
      Daemons.tftpd(lab, server, syslog);
      for (String file :
          List.of("pxelinux.0", E2eBootServer.hostConfig(), "images/debian/vmlinuz")) {
        Path local = got.resolve(file.replace('/', '_'));
        NetworkLab.Result result =
            lab.exec(
                lab.client,
                Duration.ofSeconds(60),
                List.of(
                    busybox,
                    "tftp",
                    "-g",
                    "-b",
                    "1408",
                    "-r",
                    file,
                    "-l",
                    local.toString(),
                    NetworkLab.SERVER_IP));
        assertThat(result.exit())
            .as("tftp get %s: %s%s", file, result.output(), lab.logsText())
            .isZero();
        assertThat(Files.readAllBytes(local))
            .as("%s as fetched over TFTP", file)
            .isEqualTo(Files.readAllBytes(server.path(E2eBootServer.TFTP_ROOT + "/" + file)));
      }
      assertThat(Files.readString(got.resolve(E2eBootServer.hostConfig().replace('/', '_'))))
          .contains("KERNEL ::/images/debian/vmlinuz")
          .contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e,tcp,vers=3");
      assertThat(Files.readAllBytes(got.resolve("images_debian_vmlinuz"))).isEqualTo(kernelBytes);
      // tftpd-hpa logs each request to syslog: here, the test's own socket.
      assertThat(
              NetworkLab.await(
                  Duration.ofSeconds(5),
                  () -> Daemons.read(lab.log("tftpd-syslog")).contains("images/debian/vmlinuz")))
          .as("tftpd's syslog messages reach the test's /dev/log%s", lab.logsText())
          .isTrue();
    }
  }
}
