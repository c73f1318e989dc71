package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.os.ServiceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hosts file rewritten in pieces (an editor, a slow {@code git checkout}) loads as a partial
 * fleet for a moment: the agent must not remove the PXE files of every host missing from it.
 */
class AgentRunDeletionTest {

  static final int HOSTS = 30;
  static final Duration QUIET = Duration.ofSeconds(5);

  @TempDir Path dir;
  TestBootServer server;
  AgentRunHarness harness;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    server.writeSpec("hosts.yaml", hosts(HOSTS));
    harness = new AgentRunHarness(server);
    harness.start(harness.settings(ServiceBackend.none()).withDeletionQuiet(QUIET), true);
    assertThat(pxeFiles()).hasSize(2 * HOSTS);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void aHostsFileRewrittenInPiecesRemovesNothingAndAnIntendedRemovalWaitsForTheSpecsToSettle()
      throws Exception {
    for (int written : new int[] {3, 15}) {
      writeAndAwaitPass(hosts(written));
      assertThat(pxeFiles()).as("after a piece of %d hosts", written).hasSize(2 * HOSTS);
      JsonNode waiting = harness.status().path("deletions_waiting");
      assertThat(waiting.path("count").asInt()).isEqualTo(2 * (HOSTS - written));
      assertThat(waiting.path("reason").asText())
          .contains("the removals wait until the specs have been unchanged for 5s");
      assertThat(harness.status().path("pass").path("result").asText()).isEqualTo("ok");
      assertThat(server.file("/etc/dhcp/dhcpd.conf"))
          .as("the rest of the pass is applied")
          .content()
          .doesNotContain("node" + (written + 1) + " ");
    }
    TestBootServer.Run shown = TestBootServer.run("status", "--root", server.root.toString());
    assertThat(shown.out()).contains("removals waiting: 30 files: ");

    writeAndAwaitPass(hosts(HOSTS));
    assertThat(harness.status().path("deletions_waiting").isMissingNode()).isTrue();

    long written = System.nanoTime();
    writeAndAwaitPass(hosts(5));
    assertThat(pxeFiles()).as("held back while the specs may still change").hasSize(2 * HOSTS);

    Eventually.within(
        QUIET.plus(AgentRunHarness.SOON),
        () ->
            assertThat(harness.status().path("pass").path("reason").asText())
                .isEqualTo("specs settled"));
    assertThat(Duration.ofNanos(System.nanoTime() - written)).isGreaterThanOrEqualTo(QUIET);
    assertThat(pxeFiles()).hasSize(2 * 5);
    assertThat(harness.status().path("deletions_waiting").isMissingNode()).isTrue();
    assertThat(harness.status().path("counts").path("changed").asInt())
        .as("the removals")
        .isEqualTo(2 * (HOSTS - 5));
  }

  @Test
  void aSmallRemovalIsMadeAtOnce() throws Exception {
    writeAndAwaitPass(hosts(HOSTS - 1));

    assertThat(pxeFiles()).hasSize(2 * (HOSTS - 1));
    assertThat(harness.status().path("deletions_waiting").isMissingNode()).isTrue();
  }

  private void writeAndAwaitPass(String yaml) {
    long passes = harness.agent.passes();
    server.writeSpec("hosts.yaml", yaml);
    harness.awaitPassAfter(passes);
  }

  private List<Path> pxeFiles() {
    try (Stream<Path> files = Files.walk(server.file("/var/lib/tftpboot"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("01-08-00-2b-00")).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The first {@code n} hosts of the fleet, one document each, as a partly written file is. */
  static String hosts(int n) {
    StringBuilder yaml = new StringBuilder();
    IntStream.rangeClosed(1, n)
        .forEach(
            i ->
                yaml.append(
                    """
                    ---
                    apiVersion: netroot/v1
                    kind: Host
                    metadata: {name: node%d}
                    spec:
                      mac: 08:00:2b:00:00:%02x
                      ip: 10.0.0.%d
                      profile: nfs-centos55
                    """
                        .formatted(i, i, 10 + i)));
    return yaml.toString();
  }
}
