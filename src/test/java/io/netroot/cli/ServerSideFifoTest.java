package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO where netroot manages a file: opening it the way Java opens files would wait for a writer
 * for ever, and the agent with it. It is refused unread, the pass goes on, and the FIFO stays.
 */
class ServerSideFifoTest {

  static final String PXE = "/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    assertThat(server.agent("apply").exit()).isZero();
  }

  @Test
  void aFifoAtAHostsPxeFileFailsThatFileAloneWithoutWaiting() throws Exception {
    Path fifo = server.file(PXE);
    Files.delete(fifo);
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    TestBootServer.Run plan =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> server.agent("plan"));
    TestBootServer.Run apply =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> server.agent("apply"));

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out() + plan.err())
        .contains(PXE)
        .contains("is a FIFO, a socket or a device, not a regular file; netroot does not read it");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out() + apply.err()).contains("is a FIFO").doesNotContain("Exception");
    assertThat(Files.isRegularFile(server.file("/var/lib/tftpboot/pxelinux.cfg/default"))).isTrue();
    assertThat(new ProcessBuilder("test", "-p", fifo.toString()).start().waitFor()).isZero();

    Files.delete(fifo);
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(Files.isRegularFile(fifo)).isTrue();
  }
}
