package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel, initrd or bootloader file is published in the TFTP root, which anyone on the network
 * can read: plan and apply refuse a source that is not a world-readable regular file, promptly, and
 * write nothing of it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PublishedSourcesTest {

  static final String KERNEL_COPY = "/var/lib/tftpboot/images/linux-nfs1/vmlinuz";

  @TempDir Path dir;
  TestBootServer server;
  Path kernel;

  /** A first plan loads the classes, so that the timed plans below time only themselves. */
  @BeforeAll
  static void warmUp(@TempDir Path warm) {
    new TestBootServer(warm).agent("plan");
  }

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    kernel = server.specs.resolve("kernels/vmlinuz-nfs1");
  }

  @Test
  // a separate thread: a read blocked on a FIFO cannot be interrupted, only abandoned
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoKernelMakesPlanFailPromptlyInsteadOfHanging() throws Exception {
    Files.delete(kernel);
    mkfifo(kernel);
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("source " + kernel + " is a FIFO, not a regular file")
        .contains("boot.yaml:");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(server.file(KERNEL_COPY)).doesNotExist();
  }

  @Test
  void aDeviceAsKernelIsRefused() throws Exception {
    server.editSpec("boot.yaml", s -> s.replace("image: kernels/vmlinuz-nfs1", "image: /dev/zero"));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out() + apply.err())
        .contains("source /dev/zero is a character device, not a regular file");
    assertThat(server.file(KERNEL_COPY)).doesNotExist();
  }

  @Test
  void aKernelOnlyItsOwnerMayReadIsNotPublished() throws Exception {
    Files.setPosixFilePermissions(kernel, PosixFilePermissions.fromString("rw-------"));
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("source " + kernel + " is not world-readable (mode 0600)")
        .contains("the TFTP root serves every file to anyone on the network");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(server.file(KERNEL_COPY)).doesNotExist();
    // what boots from the refused kernel is not offered either
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).doesNotExist();
  }

  @Test
  void anInitrdOnlyItsOwnerMayReadIsNotPublished() throws Exception {
    Path initrd = Files.writeString(server.specs.resolve("kernels/initrd-nfs1"), "initrd");
    Files.setPosixFilePermissions(initrd, PosixFilePermissions.fromString("rw-r-----"));
    server.editSpec(
        "boot.yaml",
        s ->
            s.replace(
                "image: kernels/vmlinuz-nfs1",
                "image: kernels/vmlinuz-nfs1\n  initrd: kernels/initrd-nfs1\n  rootMethod: dracut"));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out())
        .as(apply.err())
        .contains("source " + initrd + " is not world-readable (mode 0640)");
    assertThat(server.file("/var/lib/tftpboot/images/linux-nfs1/initrd.img")).doesNotExist();
  }

  @Test
  void aBootloaderFileOnlyItsOwnerMayReadIsNotPublished() throws Exception {
    Path loader = server.bootloader.resolve("pxelinux.0");
    Files.setPosixFilePermissions(loader, PosixFilePermissions.fromString("rw-------"));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out()).contains("source " + loader + " is not world-readable (mode 0600)");
    assertThat(server.file("/var/lib/tftpboot/pxelinux.0")).doesNotExist();
  }

  static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", "-m", "0644", path.toString()).start();
    assertThat(p.waitFor()).isZero();
  }
}
