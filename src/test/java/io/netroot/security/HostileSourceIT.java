package io.netroot.security;

import static io.netroot.security.Sandbox.BOOT;
import static io.netroot.security.Sandbox.HOSTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files netroot reads that are not what they seem: a kernel that is secret or not a file (the TFTP
 * root serves everything to anyone, and a FIFO or {@code /dev/zero} must not hang plan or exhaust
 * memory), and spec files that are dangling links, FIFOs or huge. Each is an error naming the file;
 * none is skipped as if it held nothing, which would delete the PXE files of every host it names.
 */
class HostileSourceIT {

  /** How long a plan may take on a source that never ends. */
  static final Duration IN_TIME = Duration.ofSeconds(30);

  static final String NOT_A_FILE = "(?i)regular|fifo|pipe|device|special";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  Path kernel() {
    return box.specs.resolve(Sandbox.KERNEL);
  }

  @Test
  void kernelReadableOnlyByRootIsNotPublished() {
    box.sh("chmod", "0600", kernel().toString());
    Expect.diskRefused(box, "(?i)readable|permission|mode", "vmlinuz-nfs1");
    assertThat(box.file(Sandbox.TFTP + "/images/linux-nfs1/vmlinuz-nfs1")).doesNotExist();
  }

  @Test
  void kernelThatIsAFifoIsRefusedInTime() throws IOException {
    Files.delete(kernel());
    box.sh("mkfifo", kernel().toString());
    Expect.diskRefused(box, IN_TIME, NOT_A_FILE, "vmlinuz-nfs1");
  }

  @Test
  void kernelThatIsDevZeroIsRefusedInTime() {
    box.editSpec(BOOT, "image: " + Sandbox.KERNEL, "image: /dev/zero");
    Expect.diskRefused(box, IN_TIME, NOT_A_FILE, "/dev/zero");
  }

  /** A first apply, so that the host's PXE files exist for a broken spec file to endanger. */
  void appliedOnce() {
    Confined.Run apply = box.agent("apply");
    assertThat(apply.exit()).as("the first apply" + apply.show()).isZero();
    assertThat(box.file(Sandbox.HOST_PXE)).exists();
  }

  /**
   * Plan and apply both refuse, naming hosts.yaml, and change nothing: the host keeps its files.
   */
  void hostsFileRefused(Duration timeout, String why) {
    Expect.planThenApply(
        command -> {
          Tree outside = box.outside();
          Tree root = box.rootTree();
          Confined.Run run = box.agent(timeout, command);
          Expect.unchanged(outside, box.outside(), "outside the root", run);
          Expect.unchanged(root, box.rootTree(), "under the root (the host's files stay)", run);
          Expect.refusedNaming(run, why, HOSTS);
        });
    assertThat(box.file(Sandbox.HOST_PXE)).exists();
  }

  @Test
  void specFileThatIsADanglingSymlinkIsAnError() throws IOException {
    appliedOnce();
    Files.delete(box.specs.resolve(HOSTS));
    Sandbox.symlink(box.specs.resolve(HOSTS), dir.resolve("gone.yaml"));
    hostsFileRefused(Sandbox.TIMEOUT, "(?i)link|exist|missing");
  }

  @Test
  void specFileThatIsAFifoIsAnErrorInTime() throws IOException {
    appliedOnce();
    Files.delete(box.specs.resolve(HOSTS));
    box.sh("mkfifo", box.specs.resolve(HOSTS).toString());
    hostsFileRefused(IN_TIME, NOT_A_FILE);
  }

  @Test
  void specFileOverTheSizeLimitIsAnErrorNamingIt() throws IOException {
    appliedOnce();
    // The host, then comment lines up to 65 MiB: valid YAML, only too big.
    byte[] line = ("#" + "x".repeat(1022) + "\n").getBytes(StandardCharsets.US_ASCII);
    String host = Files.readString(box.specs.resolve(HOSTS));
    try (OutputStream out = Files.newOutputStream(box.specs.resolve(HOSTS))) {
      out.write(host.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 65 * 1024; i++) {
        out.write(line);
      }
    }
    hostsFileRefused(Sandbox.TIMEOUT, "(?i)MiB|bytes|too (large|big)|size|limit");
  }
}
