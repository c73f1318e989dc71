package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.DriftPolicy;
import io.netroot.daemon.Agent;
import io.netroot.daemon.Settings;
import io.netroot.os.NotifySocket;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent run} in-process against a temp root, with a short interval and debounce. */
class AgentRunTest {

  static final Duration SOON = Duration.ofSeconds(5);
  static final String HOST_FILE = "/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23";

  @TempDir Path dir;
  TestBootServer server;
  Agent agent;
  Thread thread;
  final AtomicReference<Throwable> crashed = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (agent != null) {
      agent.stop();
      assertThat(agent.awaitStopped(SOON)).as("the agent stops within seconds").isTrue();
    }
    assertThat(crashed.get()).isNull();
  }

  Settings settings() {
    return Settings.of(server.specs, new RootFs(server.root), ServiceBackend.none())
        .withInterval(Duration.ofHours(1), Duration.ZERO)
        .withHttp(0)
        .withDebounce(Duration.ofMillis(200), Duration.ofMillis(100));
  }

  void start(Settings settings) throws Exception {
    agent = new Agent(settings);
    thread =
        new Thread(
            () -> {
              try {
                agent.run();
              } catch (Throwable t) {
                crashed.set(t);
              }
            },
            "agent-under-test");
    thread.start();
    assertThat(agent.awaitFirstPass(Duration.ofSeconds(20))).isTrue();
    assertThat(crashed.get()).isNull();
  }

  JsonNode status() {
    try {
      return new ObjectMapper().readTree(server.file("/var/lib/netroot/status.json").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("no status: " + e);
    }
  }

  @Test
  void theFirstPassAppliesAndASpecChangeConvergesWithinSeconds() throws Exception {
    start(settings());
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    assertThat(dhcpd).content().contains("fixed-address 10.0.0.222;");
    assertThat(status().path("pass").path("result").asText()).isEqualTo("ok");

    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

    // The file changes during the pass; status.json is written when the pass ends.
    Eventually.within(
        SOON,
        () -> {
          assertThat(dhcpd).content().contains("fixed-address 10.0.0.223;");
          assertThat(status().path("pass").path("reason").asText()).contains("spec change");
        });
  }

  @Test
  void anInvalidSpecChangesNothingAndTheStatusSaysWhy() throws Exception {
    start(settings());
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    String before = Files.readString(dhcpd);

    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.150"));

    Eventually.within(
        SOON,
        () ->
            assertThat(status().path("last_error").asText())
                .contains("specs invalid, nothing applied")
                .contains("hosts.yaml:6:7"));
    assertThat(dhcpd).hasContent(before);
    TestBootServer.Run shown = TestBootServer.run("status", "--root", server.root.toString());
    assertThat(shown.exit()).isEqualTo(1);
    assertThat(shown.out()).contains("last error: specs invalid");
  }

  @Test
  void aHandEditIsRevertedWithABackupAndTheRevertStartsNoFurtherPass() throws Exception {
    start(settings());
    Path host = server.file(HOST_FILE);
    String original = Files.readString(host);

    Files.writeString(host, original + "# hand edit\n");

    Eventually.within(SOON, () -> assertThat(host).hasContent(original));
    assertThat(TestBootServer.run("backups", "--root", server.root.toString()).out())
        .contains(HOST_FILE);
    // the revert is on disk before its pass has published its status and is counted
    Eventually.within(SOON, () -> assertThat(agent.passes()).isGreaterThanOrEqualTo(2));
    Thread.sleep(800);
    assertThat(agent.passes())
        .as("the start and the revert: the agent's own write is not a hand edit")
        .isEqualTo(2);
  }

  @Test
  void aHandEditPassLooksAtTheEditedFileAloneAndKeepsTheWholeStatus() throws Exception {
    start(settings().withHttp(Settings.ANY_PORT));
    int resources = status().path("resources").size();
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    String original = Files.readString(dhcpd);

    Files.writeString(dhcpd, original.replace("10.0.0.222", "10.0.0.223"));

    Eventually.within(SOON, () -> assertThat(dhcpd).hasContent(original));
    Eventually.within(
        SOON,
        () -> {
          JsonNode status = status();
          assertThat(status.path("pass").path("reason").asText()).isEqualTo("hand edit");
          // the pass looked at the edited file; the status still lists every resource
          assertThat(status.path("pass").path("number").asInt()).isEqualTo(2);
          assertThat(status.path("resources").size()).isEqualTo(resources);
        });
    assertThat(get("/metrics").body()).contains("netroot_drift_reverted_total 1");
  }

  @Test
  void underReportAHandEditIsLeftReportedAndCounted() throws Exception {
    start(settings().withOnDrift(DriftPolicy.REPORT).withHttp(Settings.ANY_PORT));
    Path host = server.file(HOST_FILE);
    String edited = Files.readString(host) + "# hand edit\n";

    Files.writeString(host, edited);

    Eventually.within(
        SOON,
        () ->
            assertThat(status().path("counts").path("drift-reported").asInt())
                .as(status().toString())
                .isEqualTo(1));
    assertThat(host).hasContent(edited);
    JsonNode resource = null;
    for (JsonNode r : status().path("resources")) {
      if (r.path("path").asText().equals(HOST_FILE)) {
        resource = r;
      }
    }
    assertThat(resource.path("condition").asText()).isEqualTo("drift-reported");
    assertThat(resource.path("reason").asText()).contains("reported, not reverted");
    assertThat(get("/metrics").body())
        .contains("netroot_drift_detected_total 1")
        .contains("netroot_drift_reverted_total 0");
  }

  @Test
  void theScheduleChecksEverythingAgainWithoutAnyChange() throws Exception {
    start(settings().withInterval(Duration.ofMillis(300), Duration.ZERO));
    Eventually.within(
        SOON,
        () -> {
          assertThat(agent.passes()).isGreaterThanOrEqualTo(3);
          assertThat(status().path("pass").path("reason").asText()).isEqualTo("schedule");
        });
  }

  @Test
  void httpServesHealthReadinessMetricsAndStatusOnLoopback() throws Exception {
    start(settings().withHttp(Settings.ANY_PORT));
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("netroot_passes_total{result=\"success\"} 1")
        .contains("netroot_pass_duration_seconds_bucket{le=\"+Inf\"} 1")
        .contains("netroot_resources{state=\"unchanged\"} ")
        .contains("netroot_resources{state=\"applied\"} 19")
        .contains("netroot_last_success_timestamp_seconds ")
        .containsPattern("netroot_build_info\\{commit=\"[^\"]+\",version=\"[^\"]+\"} 1")
        .contains("netroot_specs_valid 1")
        .contains("jvm_memory_used_bytes{area=\"heap\"}")
        .contains("process_cpu_seconds_total ");
    JsonNode status = new ObjectMapper().readTree(get("/status").body());
    assertThat(status.path("pass").path("number").asInt()).isEqualTo(1);
    assertThat(status.path("counts").path("changed").asInt()).isEqualTo(19);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void withHttpZeroNothingListens() throws Exception {
    start(settings());
    assertThat(agent.httpPort()).isZero();
  }

  @Test
  void systemdIsToldReadyStatusAndWatchdog() throws Exception {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify.sock"))) {
      start(
          settings()
              .withEnvironment(
                  Map.of("NOTIFY_SOCKET", socket.path.toString(), "WATCHDOG_USEC", "200000")));
      Eventually.within(
          SOON,
          () ->
              assertThat(socket.messages())
                  .anyMatch(m -> m.startsWith("READY=1\nSTATUS=last pass "))
                  .anyMatch(m -> m.startsWith("STATUS=first pass"))
                  .anyMatch(m -> m.equals("WATCHDOG=1")));
      agent.stop();
      assertThat(agent.awaitStopped(SOON)).isTrue();
      assertThat(socket.messages()).contains("STOPPING=1");
    }
  }

  @Test
  void applyWaitsForTheRunningAgentThenExits1NamingItsPid() throws Exception {
    start(settings());
    TestBootServer.Run apply = server.agent("apply", "--lock-timeout", "1s");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err())
        .contains(
            "another netroot (pid "
                + ProcessHandle.current().pid()
                + ") holds the lock on "
                + server.root.toRealPath()
                + "; waited 1 s");

    agent.stop();
    assertThat(agent.awaitStopped(SOON)).isTrue();
    assertThat(server.agent("apply", "--lock-timeout", "1s").exit()).isZero();
  }

  @Test
  void statusShowsTheLastPassAndSaysSoWhenThereIsNone() throws Exception {
    TestBootServer.Run none = TestBootServer.run("status", "--root", server.root.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("no status yet");

    start(settings());
    TestBootServer.Run text = TestBootServer.run("status", "--root", server.root.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("last pass: #1 (start)").contains("19 changed");
    TestBootServer.Run json =
        TestBootServer.run("status", "--root", server.root.toString(), "--json");
    assertThat(new ObjectMapper().readTree(json.out()).path("resources").size()).isEqualTo(19);
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + path))
                .timeout(SOON)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
