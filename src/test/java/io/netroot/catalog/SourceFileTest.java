package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sources published into the TFTP root: only world-readable regular files, read with a bound. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SourceFileTest {

  static final String NAMED = " (named at specs/kernels.yaml:5:10)";

  @TempDir Path dir;

  @Test
  void aWorldReadableRegularFileIsReadWhole() throws Exception {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {1, 2, 3});
    Files.setPosixFilePermissions(kernel, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(new SourceFile(kernel, NAMED).read()).containsExactly(1, 2, 3);
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = mkfifo(dir.resolve("vmlinuz"));
    assertThatThrownBy(() -> new SourceFile(fifo, NAMED).read())
        .isInstanceOf(NetrootException.class)
        .hasMessage("source " + fifo + " is a FIFO, not a regular file" + NAMED);
  }

  @Test
  void aDeviceIsRefusedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> new SourceFile(Path.of("/dev/zero"), NAMED).read())
        .hasMessage("source /dev/zero is a character device, not a regular file" + NAMED);
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> new SourceFile(dir, NAMED).read())
        .hasMessage("source " + dir + " is a directory, not a regular file" + NAMED);
  }

  @Test
  void aSocketIsRefused() throws Exception {
    Path socket = dir.resolve("sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThatThrownBy(() -> new SourceFile(socket, NAMED).read())
          .hasMessageContaining("is a socket, not a regular file");
    }
  }

  @Test
  void aFileOthersMayNotReadIsNotPublished() throws Exception {
    Path secret = Files.writeString(dir.resolve("vmlinuz"), "private");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> new SourceFile(secret, NAMED).read())
        .hasMessage(
            "source "
                + secret
                + " is not world-readable (mode 0640); the TFTP root serves every file to anyone"
                + " on the network: make it readable (chmod o+r) or do not publish it"
                + NAMED);
  }

  @Test
  void aSymlinkIsFollowedAndItsTargetChecked() throws Exception {
    Path target = Files.writeString(dir.resolve("vmlinuz-6.1"), "kernel");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("vmlinuz"), target);
    assertThat(new SourceFile(link, NAMED).read()).isEqualTo("kernel".getBytes());

    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> new SourceFile(link, NAMED).read())
        .hasMessageStartingWith(
            "source " + link + " (-> " + target + ") is not world-readable (mode 0600)");
  }

  @Test
  void aSymlinkToAFifoIsRefused() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("vmlinuz"), fifo);
    assertThatThrownBy(() -> new SourceFile(link, NAMED).read())
        .hasMessageContaining("is a FIFO, not a regular file");
  }

  @Test
  void aDanglingSymlinkSaysWhatItPointsNowhere() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("vmlinuz"), dir.resolve("gone"));
    assertThatThrownBy(() -> new SourceFile(link, NAMED).read())
        .hasMessage("source " + link + " is a symlink to a file that does not exist" + NAMED);
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = dir.resolve("vmlinuz");
    assertThatThrownBy(() -> new SourceFile(missing, NAMED).read())
        .hasMessage("source " + missing + " does not exist" + NAMED);
  }

  @Test
  void aSymlinkLoopIsAnErrorWithoutAClassName() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThatThrownBy(() -> new SourceFile(a, NAMED).read())
        .hasMessageStartingWith("cannot read source " + a + NAMED + ": ")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    Path big = Files.write(dir.resolve("initrd"), new byte[2048]);
    assertThatThrownBy(() -> new SourceFile(big, NAMED).read(1024))
        .hasMessage(
            "source "
                + big
                + " is 2048 bytes, larger than 1024 bytes, the most netroot copies"
                + NAMED);
  }

  @Test
  void aSparseFileOverTwoGibibytesIsRefusedWithoutReadingIt() throws Exception {
    Path huge = dir.resolve("initrd");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(3L << 30);
    }
    assertThatThrownBy(() -> new SourceFile(huge, NAMED).read())
        .hasMessageContaining("is 3.0 GiB, larger than 2.0 GiB, the most netroot copies");
  }

  @Test
  void theReleaseOfAFifoKernelIsUnknownAndReadingItDoesNotWait() throws Exception {
    Path fifo = mkfifo(dir.resolve("vmlinuz"));
    assertThat(KernelRelease.of(fifo)).isEmpty();
    assertThat(KernelRelease.of(Path.of("/dev/zero"))).isEmpty();
  }

  static Path mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", "-m", "0644", path.toString()).start();
    assertThat(p.waitFor()).isZero();
    return path;
  }
}
