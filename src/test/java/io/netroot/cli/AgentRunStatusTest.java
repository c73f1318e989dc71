package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netroot.os.ServiceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code agent status} tells of a pass cut short and of service actions still owed. */
class AgentRunStatusTest {

  @TempDir Path dir;
  AgentRunHarness harness;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    harness = new AgentRunHarness(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  TestBootServer.Run status(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "status";
    args[1] = "--root";
    args[2] = server.root.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return TestBootServer.run(args);
  }

  @Test
  void aServiceRestartThatFailedIsShownAsOwedUntilAPassRunsIt() throws Exception {
    AgentRunServices services = new AgentRunServices();
    services.fail("Job for dhcpd.service failed");
    harness.start(harness.settings(services), true);

    TestBootServer.Run shown = status();
    assertThat(shown.exit()).isEqualTo(1);
    assertThat(shown.out())
        .contains("services owed (cut short or failed; the next pass runs them):")
        .contains("  restart dhcpd (for /etc/dhcp/dhcpd.conf)");
    JsonNode owed = harness.status().path("services_owed");
    assertThat(owed.toString()).contains("\"action\":\"restart dhcpd\"");

    services.fail(null);
    long passes = harness.agent.passes();
    harness.agent.requestPass("test");
    harness.awaitPassAfter(passes);

    assertThat(services.restarted()).contains("dhcpd");
    assertThat(status().out()).doesNotContain("services owed");
    assertThat(harness.status().path("services_owed").size()).isZero();
  }

  @Test
  void servicesOwedByAPassThatWasKilledAreShownWithoutTheAgent() throws Exception {
    harness.start(harness.settings(ServiceBackend.none()), true);
    harness.close();
    harness.agent = null;
    // what a pass killed between its writes and its restarts leaves behind
    Files.writeString(
        server.file("/var/lib/netroot/pending-services.json"),
        """
        {"pending": [{"kind": "RESTART", "service": "dhcpd",
                      "causes": ["/etc/dhcp/dhcpd.conf"]},
                     {"kind": "REEXPORT", "service": "nfs-server", "causes": ["/etc/exports"]}]}
        """);

    TestBootServer.Run shown = status();

    assertThat(shown.out())
        .contains("  restart dhcpd (for /etc/dhcp/dhcpd.conf)")
        .contains("  exportfs -ra (nfs-server) (for /etc/exports)");
    JsonNode json = new ObjectMapper().readTree(status("--json").out());
    assertThat(json.path("services_owed").size()).isEqualTo(2);
  }

  @Test
  void aPassThatNeverFinishedIsShownAsInterruptedAndTheNextRunSaysItRecovered() throws Exception {
    harness.start(harness.settings(ServiceBackend.none()), true);
    harness.close();
    harness.agent = null;
    // the agent killed mid-pass: the marker it wrote at the pass's start stays
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path file = server.file("/var/lib/netroot/status.json");
    ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    ObjectNode marker = doc.putObject("pass_in_progress");
    marker.put("number", 7);
    marker.put("reason", "spec change");
    marker.put("started", Instant.now().toString());
    marker.put("pid", gone.pid());
    Files.writeString(file, doc.toString());

    TestBootServer.Run shown = status();

    assertThat(shown.exit()).as("a pass that never finished is a failure").isEqualTo(1);
    assertThat(shown.out())
        .contains("last pass: #1 (start)")
        .contains(
            "INTERRUPTED: pass #7 (spec change) started "
                + marker.path("started").asText()
                + " never finished: the agent (pid "
                + gone.pid()
                + ") is gone");
    assertThat(
            new ObjectMapper()
                .readTree(status("--json").out())
                .at("/pass_in_progress/interrupted")
                .asBoolean())
        .isTrue();

    harness.start(harness.settings(ServiceBackend.none()), true);

    TestBootServer.Run after = status();
    assertThat(after.exit()).isZero();
    assertThat(after.out())
        .doesNotContain("INTERRUPTED")
        .contains("the run before (pid " + gone.pid() + ") was cut short in pass #7");
    assertThat(harness.status().path("pass_in_progress").isMissingNode()).isTrue();
  }
}
