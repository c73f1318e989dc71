package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real network boot of what {@code bin/agent apply} wrote: a QEMU guest (software emulation, the
 * iPXE ROM of an e1000, the host's MAC, serial console to a file) gets its address and boot file
 * from dhcpd, loads pxelinux.0, its pxelinux.cfg file, Debian's stock kernel and the test's initrd
 * from tftpd-hpa, mounts its root image from NFS-Ganesha and runs that image's /sbin/init, which
 * leaves a mark holding /proc/cmdline. Then a kernel argument is changed in the spec, applied, and
 * the second boot's mark shows it.
 *
 * <p>The kernel comes from {@code bin/fetch-kernel --modules target/debian-kernel}, run here.
 */
class BootIT {

  static final Path KERNEL_DIR = Path.of("target/debian-kernel");
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void aGuestPxeBootsOverNfsAndAChangedKernelArgumentReachesItsCommandLine() throws Exception {
    Path rom = PxeGuest.rom();
    Path initrd = BootImages.debianInitrd(dir, BootImages.MODULES, 0);

    E2eBootServer server = new E2eBootServer(dir, KERNEL_DIR.resolve("vmlinuz"), initrd);
    String mark = "booted-" + UUID.randomUUID();
    Path image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);
    server.apply();

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, dir);
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);

      String first =
          PxeGuest.boot(
              lab, rom, E2eBootServer.HOST_MAC, image.resolve(mark), "first", BOOT_TIMEOUT);
      assertThat(first)
          .contains("boot=nfs")
          .contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e,tcp,vers=3")
          .contains("panic=5")
          .doesNotContain("netroot.e2e=second");

      // Converge: a changed kernel argument, applied, reaches the next boot's command line.
      server.writeSpecs(List.of("console=ttyS0,115200", "panic=5", "netroot.e2e=second"));
      String applied = server.apply();
      assertThat(applied).contains("pxelinux.cfg/01-52-54-00-77-00-11");
      Files.delete(image.resolve(mark));
      String second =
          PxeGuest.boot(
              lab, rom, E2eBootServer.HOST_MAC, image.resolve(mark), "second", BOOT_TIMEOUT);
      assertThat(second).contains("netroot.e2e=second").contains("boot=nfs");
    }
  }
}
