package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.kernel.PeImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UEFI Secure Boot through {@code loader: grub}, end to end: a QEMU guest whose OVMF enforces
 * Secure Boot (the {@code secboot} code image, a copy of the variable store with Microsoft's and
 * the distribution keys enrolled, SMM on q35 so the store cannot be written around the firmware)
 * gets {@code grub/shimx64.efi} from dhcpd, and the chain Debian signs runs: the shim (signed by
 * Microsoft's UEFI CA) loads Debian's signed network GRUB, which reads netroot's {@code grub.cfg},
 * hands over to the host's own file, and loads Debian's signed kernel and the test's initrd; the
 * guest mounts its root from NFS-Ganesha, and its init leaves a mark. The kernel says {@code Secure
 * boot enabled} on the serial console.
 *
 * <p>Then the same kernel with its signature taken away is applied (plan warns) and booted: GRUB
 * refuses it through the shim's verifier, and the kernel never starts.
 *
 * <p>OVMF's own virtio-net driver drives the NIC ({@code romfile=} empty): the iPXE option ROM QEMU
 * would load is not signed, and Secure Boot would not run it.
 */
class SecureBootIT {

  static final Path KERNEL_DIR = BootIT.KERNEL_DIR;
  static final Path SIGNED_LOADERS = Path.of("/var/cache/netroot-test/signed-loaders");
  static final String SHIM = "/usr/lib/shim/shimx64.efi.signed";
  static final String GRUB = "/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed";
  static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd");
  static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.ms.fd");
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
  static final Duration REFUSAL_TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void aSecureBootGuestBootsShimGrubAndTheSignedKernelAndTheChainRefusesItUnsigned()
      throws Exception {
    Require.file(OVMF_CODE, "bin/setup installs it (Debian package ovmf)");
    Require.file(OVMF_VARS, "bin/setup installs it (Debian package ovmf)");
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    fetch(List.of("bin/fetch-signed-loaders", SIGNED_LOADERS.toString()));
    Path initrd = BootImages.debianInitrd(dir, BootImages.MODULES, 0);
    Path signed = KERNEL_DIR.resolve("vmlinuz").toAbsolutePath();
    Path unsigned = dir.resolve("vmlinuz-unsigned");
    Files.write(unsigned, PeImages.withoutSignature(Files.readAllBytes(signed)));

    E2eBootServer server = new E2eBootServer(dir);
    // Where Debian's packages put the chain, under the root netroot manages: its default.
    for (String file : List.of(SHIM, GRUB)) {
      Path there = server.path(file);
      Files.createDirectories(there.getParent());
      Files.copy(
          SIGNED_LOADERS.resolve(file.substring(1)), there, StandardCopyOption.REPLACE_EXISTING);
    }
    String mark = "booted-" + UUID.randomUUID();
    Path image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);
    server.writeSpecs(specs(signed, initrd, "required"));
    String applied = server.apply();
    assertThat(applied).contains("grub/shimx64.efi").contains("grub/grub.cfg-01-52-54-00-77-00-11");
    assertThat(applied).doesNotContain("warning:");

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, dir);
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);

      long start = System.nanoTime();
      Path serial = lab.log("serial-signed");
      Process guest = startGuest(lab, qemu, "signed", serial);
      try {
        NetworkLab.await(BOOT_TIMEOUT, () -> Files.exists(image.resolve(mark)) || !guest.isAlive());
      } finally {
        NetworkLab.stop(guest);
        lab.removeTap("tapsi");
      }
      String console = Files.readString(serial, StandardCharsets.ISO_8859_1);
      assertThat(image.resolve(mark)).as("the mark of the signed boot%s", lab.logsText()).exists();
      assertThat(console).as("the signed boot's console").contains("Secure boot enabled");
      // GRUB found the host's own file by its MAC (rather than booting the menu's default)
      assertThat(lab.log("tftpd-syslog"))
          .content(StandardCharsets.ISO_8859_1)
          .contains("filename /grub/grub.cfg-01-52-54-00-77-00-11");
      assertThat(Files.readString(image.resolve(mark)))
          .contains("boot=nfs")
          .contains("BOOTIF=01-52-54-00-77-00-11")
          .contains("netroot.e2e=secure");
      System.out.printf(
          "SecureBootIT: shim, GRUB and the signed kernel booted to the NFS root in %d s%n",
          Duration.ofNanos(System.nanoTime() - start).toSeconds());

      // The same kernel without its signature: required would refuse it at validation, so the
      // profile lets it through with a warning, and the chain must refuse it.
      server.writeSpecs(specs(unsigned, initrd, "optional"));
      String second = server.apply();
      assertThat(second).contains("warning:").contains("no Authenticode signature");
      Files.deleteIfExists(image.resolve(mark));
      start = System.nanoTime();
      Path refusedSerial = lab.log("serial-unsigned");
      Process refused = startGuest(lab, qemu, "unsigned", refusedSerial);
      try {
        NetworkLab.await(
            REFUSAL_TIMEOUT,
            () -> verificationError(refusedSerial) || Files.exists(image.resolve(mark)));
      } finally {
        NetworkLab.stop(refused);
        lab.removeTap("tapun");
      }
      String refusal = Files.readString(refusedSerial, StandardCharsets.ISO_8859_1);
      assertThat(verificationError(refusedSerial))
          .as("a verification error on the console of the unsigned boot:%n%s", refusal)
          .isTrue();
      assertThat(image.resolve(mark)).doesNotExist();
      assertThat(refusal).doesNotContain("Linux version").doesNotContain("Secure boot enabled");
      System.out.printf(
          "SecureBootIT: the unsigned kernel was refused in %d s: %s%n",
          Duration.ofNanos(System.nanoTime() - start).toSeconds(),
          refusal.lines().filter(SecureBootIT::isVerificationError).findFirst().orElse(""));
    }
  }

  private static boolean verificationError(Path serial) {
    try {
      return Files.exists(serial)
          && Files.readString(serial, StandardCharsets.ISO_8859_1)
              .lines()
              .anyMatch(SecureBootIT::isVerificationError);
    } catch (IOException e) {
      return false;
    }
  }

  /** What GRUB (through the shim's verifier) or the shim prints when it refuses an image. */
  private static boolean isVerificationError(String line) {
    return line.contains("bad shim signature")
        || line.contains("Verification failed")
        || line.contains("Security Violation")
        || line.contains("invalid signature");
  }

  private static void fetch(List<String> command) {
    NetworkLab.Result fetch = NetworkLab.run(command, Duration.ofMinutes(5), false);
    assertThat(fetch.exit()).as("%s: %s", command.get(0), fetch.output()).isZero();
  }

  /**
   * A QEMU guest with Secure Boot enforced: q35 with SMM, OVMF's secure-boot code image read-only
   * and a fresh copy of the variable store with the standard keys, a virtio NIC without option ROM.
   */
  private Process startGuest(NetworkLab lab, String qemu, String name, Path serial)
      throws IOException {
    String tap = "tap" + name.substring(0, 2);
    lab.addTap(tap);
    Path vars = dir.resolve("ovmf-vars-" + name + ".fd");
    Files.copy(OVMF_VARS, vars, StandardCopyOption.REPLACE_EXISTING);
    List<String> command = NetworkLab.guestCommand(qemu, "q35,smm=on,accel=tcg", 1024, serial, tap);
    command.addAll(
        List.of(
            "-global",
            "driver=cfi.pflash01,property=secure,value=on",
            "-drive",
            "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
            "-drive",
            "if=pflash,format=raw,unit=1,file=" + vars,
            "-device",
            "virtio-net-pci,netdev=n0,romfile=,bootindex=1,mac=" + E2eBootServer.HOST_MAC));
    return lab.start(lab.server, "qemu-" + name, command);
  }

  /** The specs: one host on a {@code loader: grub} profile booting {@code kernel}. */
  private static String specs(Path kernel, Path initrd, String secureBoot) {
    return E2eBootServer.serverSpecs()
        + E2eBootServer.kernelImageAndExport(kernel, initrd)
        + """
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: e2e}
        spec:
          kernel: debian
          rootImage: e2e
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", panic=5, netroot.e2e=secure]
          loader: grub
          secureBoot: %1$s
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: node01}
        spec: {mac: "%2$s", ip: %3$s, profile: e2e}
        """
            .formatted(secureBoot, E2eBootServer.HOST_MAC, E2eBootServer.HOST_IP);
  }
}
