package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.daemon.Agent;
import io.netroot.daemon.Settings;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** An in-process {@code agent run} on its own thread against a {@link TestBootServer}. */
final class AgentRunHarness implements AutoCloseable {

  static final Duration SOON = Duration.ofSeconds(8);

  final TestBootServer server;
  Agent agent;
  private final AtomicReference<Throwable> crashed = new AtomicReference<>();

  AgentRunHarness(TestBootServer server) {
    this.server = server;
  }

  /** Short interval and debounce, HTTP on any free port, services as given. */
  Settings settings(ServiceBackend services) {
    return Settings.of(server.specs, new RootFs(server.root), services)
        .withInterval(Duration.ofHours(1), Duration.ZERO)
        .withHttp(Settings.ANY_PORT)
        .withDebounce(Duration.ofMillis(200), Duration.ofMillis(100));
  }

  /** Starts the agent; with {@code awaitFirstPass}, returns once its first pass is done. */
  void start(Settings settings, boolean awaitFirstPass) throws Exception {
    agent = new Agent(settings);
    Thread thread =
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
    if (awaitFirstPass) {
      assertThat(agent.awaitFirstPass(Duration.ofSeconds(30))).isTrue();
      assertThat(crashed.get()).isNull();
    }
  }

  JsonNode status() {
    try {
      return new ObjectMapper().readTree(server.file("/var/lib/netroot/status.json").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("no status: " + e);
    }
  }

  /** A GET on the agent's HTTP port; a failed exchange fails the assertion that made it. */
  HttpResponse<String> get(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + path))
                  .timeout(SOON)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new AssertionError("GET " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits for the agent to finish a pass it has not finished yet. */
  void awaitPassAfter(long passes) {
    Eventually.within(SOON, () -> assertThat(agent.passes()).isGreaterThan(passes));
  }

  @Override
  public void close() throws Exception {
    if (agent != null) {
      agent.stop();
      assertThat(agent.awaitStopped(SOON)).as("the agent stops within seconds").isTrue();
    }
    assertThat(crashed.get()).isNull();
  }
}
