package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.os.NotifySocket;
import io.netroot.os.ServiceBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness, health and the systemd watchdog of {@code agent run}. */
class AgentRunHealthTest {

  static final Duration SOON = AgentRunHarness.SOON;
  static final String BROKEN = TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.150");

  @TempDir Path dir;
  AgentRunHarness harness;
  final AgentRunServices services = new AgentRunServices();

  @BeforeEach
  void setUp() {
    harness = new AgentRunHarness(new TestBootServer(dir));
  }

  @AfterEach
  void tearDown() throws Exception {
    services.release();
    harness.close();
  }

  @Test
  void anInvalidSpecMakesTheAgentUnreadyKeepingTheLastGoodCountsAndAFixMakesItReady()
      throws Exception {
    harness.start(harness.settings(ServiceBackend.none()), true);
    assertThat(harness.get("/readyz").statusCode()).isEqualTo(200);

    harness.server.writeSpec("hosts.yaml", BROKEN);

    Eventually.within(SOON, () -> assertThat(harness.get("/readyz").statusCode()).isEqualTo(503));
    assertThat(harness.get("/readyz").body())
        .startsWith("not ready: specs invalid, nothing applied: ")
        .contains("hosts.yaml:6:7");
    JsonNode status = new ObjectMapper().readTree(harness.get("/status").body());
    assertThat(status.path("ready").asBoolean()).isFalse();
    assertThat(status.path("not_ready_reason").asText()).contains("hosts.yaml:6:7");
    assertThat(status.path("pass").path("number").asInt()).isEqualTo(2);
    assertThat(status.path("counts_from_pass").asInt()).as("counts of the last good pass").isOne();
    assertThat(status.path("counts").path("changed").asInt()).isEqualTo(19);
    assertThat(status.path("resources").size()).isEqualTo(19);
    assertThat(harness.get("/healthz").statusCode()).as("unready, not unhealthy").isEqualTo(200);
    TestBootServer.Run shown =
        TestBootServer.run("status", "--root", harness.server.root.toString());
    assertThat(shown.out())
        .contains("ready: NO, specs invalid, nothing applied: ")
        .contains("resources (as of pass #1, the last that reconciled): 19 changed");

    harness.server.writeSpec(
        "hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

    Eventually.within(SOON, () -> assertThat(harness.get("/readyz").statusCode()).isEqualTo(200));
    assertThat(harness.get("/readyz").body()).isEqualTo("ready\n");
    assertThat(harness.status().path("ready").asBoolean()).isTrue();
    assertThat(harness.status().path("counts_from_pass").asInt()).isEqualTo(3);
  }

  @Test
  void aHungPassFailsHealthAndStopsTheWatchdogPingsUntilItMovesAgain() throws Exception {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify.sock"))) {
      harness.start(
          harness
              .settings(services)
              .withStallTimeout(Duration.ofMillis(600))
              .withEnvironment(
                  Map.of("NOTIFY_SOCKET", socket.path.toString(), "WATCHDOG_USEC", "200000")),
          true);
      Eventually.within(SOON, () -> assertThat(pings(socket)).isGreaterThanOrEqualTo(3));
      assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);

      services.hang();
      harness.server.writeSpec(
          "hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

      Eventually.within(
          SOON,
          () ->
              assertThat(socket.messages())
                  .anyMatch(m -> m.startsWith("STATUS=stuck: no progress for ")));
      long stuckAt = pings(socket);
      assertThat(harness.get("/healthz").statusCode()).isEqualTo(503);
      assertThat(harness.get("/healthz").body())
          .startsWith("stuck: no progress for ")
          .contains("last step: restart dhcpd");
      Thread.sleep(1000);
      assertThat(pings(socket)).as("no WATCHDOG=1 while the pass hangs").isEqualTo(stuckAt);
      TestBootServer.Run shown =
          TestBootServer.run("status", "--root", harness.server.root.toString());
      assertThat(shown.out()).contains("running: pass #2 (spec change) started ");

      services.release();

      Eventually.within(
          SOON, () -> assertThat(harness.get("/healthz").statusCode()).isEqualTo(200));
      Eventually.within(SOON, () -> assertThat(pings(socket)).isGreaterThan(stuckAt + 2));
    }
  }

  @Test
  void aLongFirstPassAsksSystemdForMoreTimeUntilReady() throws Exception {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify.sock"))) {
      services.slow(Duration.ofMillis(700));
      harness.start(
          harness
              .settings(services)
              .withStallTimeout(Duration.ofSeconds(5))
              .withEnvironment(
                  Map.of("NOTIFY_SOCKET", socket.path.toString(), "WATCHDOG_USEC", "200000")),
          true);
      Eventually.within(
          SOON, () -> assertThat(socket.messages()).anyMatch(m -> m.startsWith("READY=1")));
      List<String> messages = socket.messages();
      int ready = indexOf(messages, "READY=1");
      List<String> starting = messages.subList(0, ready);
      assertThat(starting)
          .as("the first pass took over a second: restarts of 700 ms each")
          .contains("EXTEND_TIMEOUT_USEC=10000000")
          .contains("WATCHDOG=1");
      services.slow(Duration.ZERO);
      Thread.sleep(500);
      List<String> later = socket.messages();
      assertThat(later.subList(ready, later.size()))
          .as("no extension once running and idle")
          .noneMatch(m -> m.startsWith("EXTEND_TIMEOUT_USEC="))
          .contains("WATCHDOG=1");
    }
  }

  @Test
  void aPassStillWritingWhenStoppedAsksSystemdForMoreTimeToFinish() throws Exception {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify.sock"))) {
      harness.start(
          harness
              .settings(services)
              .withStallTimeout(Duration.ofSeconds(5))
              .withEnvironment(Map.of("NOTIFY_SOCKET", socket.path.toString())),
          true);
      services.hang();
      harness.server.writeSpec(
          "hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));
      assertThat(services.awaitHanging(SOON)).isTrue();
      int before = socket.messages().size();

      harness.agent.stop();
      Thread.sleep(1500);
      services.release();

      assertThat(harness.agent.awaitStopped(SOON)).isTrue();
      List<String> after = socket.messages();
      assertThat(after.subList(before, after.size()))
          .as("while the restart under way finishes")
          .contains("EXTEND_TIMEOUT_USEC=10000000")
          .endsWith("STOPPING=1");
    }
  }

  private static long pings(NotifySocket socket) {
    return socket.messages().stream().filter(m -> m.equals("WATCHDOG=1")).count();
  }

  private static int indexOf(List<String> messages, String prefix) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no " + prefix + " in " + messages);
  }
}
