package io.netroot.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One PXE boot of a QEMU guest in the lab (software emulation, the iPXE ROM of an e1000, serial
 * console to a file) whose root image's init leaves a mark file holding {@code /proc/cmdline}: the
 * boot is over when the mark appears, QEMU ends, or the time is up.
 */
final class PxeGuest {

  private PxeGuest() {}

  /**
   * Boots the guest with {@code mac} once and returns what its init wrote to {@code mark}.
   *
   * @param name names the tap and the logs of this boot
   */
  static String boot(NetworkLab lab, Path rom, String mac, Path mark, String name, Duration timeout)
      throws Exception {
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    String tap = "tap" + name.charAt(0);
    lab.addTap(tap);
    Path serial = lab.log("serial-" + name);
    Process guest = start(lab, qemu, rom, mac, tap, serial, name);
    try {
      boolean ended = NetworkLab.await(timeout, () -> Files.exists(mark) || !guest.isAlive());
      if (!Files.exists(mark)) {
        fail(
            "the "
                + name
                + " boot left no mark "
                + mark
                + (ended ? " (QEMU exited " + guest.exitValue() + ")" : " within " + timeout)
                + lab.logsText());
      }
      return Files.readString(mark);
    } finally {
      NetworkLab.stop(guest);
      lab.removeTap(tap);
    }
  }

  /**
   * Powers on the guest: software emulation, 512 MiB, the e1000 with {@code mac} and the iPXE ROM
   * {@code rom} on the lab's {@code tap}, its serial console to {@code serial}, booting from the
   * network once.
   */
  static Process start(
      NetworkLab lab, String qemu, Path rom, String mac, String tap, Path serial, String name)
      throws Exception {
    List<String> command = NetworkLab.guestCommand(qemu, "accel=tcg", 512, serial, tap);
    command.addAll(
        List.of("-device", "e1000,netdev=n0,mac=" + mac + ",romfile=" + rom, "-boot", "n"));
    return lab.start(lab.server, "qemu-" + name, command);
  }

  /** The iPXE ROM of QEMU's e1000. */
  static Path rom() {
    return Require.file(
        Path.of("/usr/lib/ipxe/qemu/pxe-e1000.rom"),
        "bin/setup installs it (Debian package ipxe-qemu)");
  }
}
