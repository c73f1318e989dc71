package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.netroot.daemon.Agent;
import io.netroot.daemon.LogCapture;
import io.netroot.daemon.Settings;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git URL with a password, given to {@code agent run}: the agent uses it, and it shows in none of
 * what others can read: {@code /status}, status.json (mode 0644), {@code agent status}, the log.
 */
class AgentGitCredentialsTest {

  static final String SECRET = "s3cret-Tok3n";

  @TempDir Path dir;
  Agent agent;
  HttpServer remote;

  @AfterEach
  void tearDown() throws Exception {
    if (agent != null) {
      agent.stop();
      assertThat(agent.awaitStopped(Duration.ofSeconds(10))).isTrue();
    }
    if (remote != null) {
      remote.stop(0);
    }
  }

  @Test
  void theGitPasswordIsInNoStatusAndNoLog() throws Exception {
    remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    remote.createContext(
        "/",
        x -> {
          x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"specs\"");
          x.sendResponseHeaders(401, -1);
          x.close();
        });
    remote.start();
    String url =
        "http://deploy:" + SECRET + "@127.0.0.1:" + remote.getAddress().getPort() + "/specs.git";
    TestBootServer server = new TestBootServer(dir.resolve("server"));
    Path empty = Files.createDirectories(dir.resolve("no-local-specs"));

    try (LogCapture logs = new LogCapture()) {
      agent =
          new Agent(
              Settings.of(empty, new RootFs(server.root), ServiceBackend.none())
                  .withInterval(Duration.ofHours(1), Duration.ZERO)
                  .withHttp(Settings.ANY_PORT)
                  .withGit(url, "main", dir.resolve("cache")));
      new Thread(agent::run, "agent-under-test").start();
      assertThat(agent.awaitFirstPass(Duration.ofSeconds(60))).isTrue();

      String statusFile = Files.readString(server.file("/var/lib/netroot/status.json"));
      assertThat(statusFile).contains("http://deploy:***@127.0.0.1:").doesNotContain(SECRET);

      HttpResponse<String> status =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + agent.httpPort() + "/status"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(status.body()).contains("deploy:***@").doesNotContain(SECRET);

      TestBootServer.Run text = TestBootServer.run("status", "--root", server.root.toString());
      assertThat(text.out()).contains("specs: http://deploy:***@127.0.0.1:");
      assertThat(text.out() + text.err()).doesNotContain(SECRET);
      TestBootServer.Run json =
          TestBootServer.run("status", "--json", "--root", server.root.toString());
      assertThat(json.out() + json.err()).contains("deploy:***@").doesNotContain(SECRET);

      assertThat(logs.text()).contains("deploy:***@").doesNotContain(SECRET);
    }
  }
}
