package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository behind a login: a loopback HTTP server that asks for Basic credentials and records
 * what it is sent. The password reaches the server and nothing else: not the error, the status, the
 * logs or the clone.
 */
class GitSpecsCredentialsTest {

  static final String SECRET = "s3cret-Tok3n";

  @TempDir Path dir;
  HttpServer server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        x -> {
          String auth = x.getRequestHeaders().getFirst("Authorization");
          if (auth != null) {
            authorizations.add(auth);
          }
          x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"specs\"");
          x.sendResponseHeaders(401, -1);
          x.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/specs.git";
  }

  @Test
  void aPasswordInTheUrlIsSentAsALoginAndShownNowhere() throws Exception {
    String url = base().replace("http://", "http://deploy:" + SECRET + "@");
    try (LogCapture logs = new LogCapture()) {
      GitSpecs git = new GitSpecs(url, "main", dir.resolve("cache"), null, Map.of());
      assertThatThrownBy(git::refresh)
          .isInstanceOf(NetrootException.class)
          .hasMessageContaining("http://deploy:***@127.0.0.1:")
          .hasMessageNotContaining(SECRET);
      assertThat(authorizations).contains(basic("deploy", SECRET));
      assertThat(git.url).isEqualTo(base().replace("http://", "http://deploy:***@"));
      assertThat(git.fetchError()).get().asString().doesNotContain(SECRET);

      String status =
          new String(
              StatusFile.encode(status(git, "pass failed: no good commit").toMap()),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(status).contains("deploy:***@").doesNotContain(SECRET);
      assertThat(logs.text()).contains("deploy:***@").doesNotContain(SECRET);
      assertThat(filesUnder(dir.resolve("cache"))).doesNotContain(SECRET);
    }
  }

  @Test
  void theCredentialsFileGivesTheLogin() throws Exception {
    Path file =
        Files.writeString(dir.resolve("git-credentials"), "username=ci\npassword=" + SECRET);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    try (LogCapture logs = new LogCapture()) {
      GitSpecs git =
          new GitSpecs(
              base(),
              "main",
              dir.resolve("cache"),
              null,
              Map.of(GitCredentials.ENVIRONMENT, file.toString()));
      assertThatThrownBy(git::refresh).hasMessageNotContaining(SECRET);
      assertThat(authorizations).contains(basic("ci", SECRET));
      assertThat(logs.text()).doesNotContain(SECRET);
    }
  }

  @Test
  void aCredentialsFileOthersMayReadIsNotUsed() throws Exception {
    Path file =
        Files.writeString(dir.resolve("git-credentials"), "username=ci\npassword=" + SECRET);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    GitSpecs git =
        new GitSpecs(
            base(),
            "main",
            dir.resolve("cache"),
            null,
            Map.of(GitCredentials.ENVIRONMENT, file.toString()));
    assertThatThrownBy(git::refresh)
        .hasMessageContaining("is open to other users (mode 0644)")
        .hasMessageNotContaining(SECRET);
    assertThat(git.fetchError()).get().asString().contains("chmod 600");
    assertThat(authorizations).isEmpty();
  }

  private StatusDocument status(GitSpecs git, String error) {
    Settings settings = Settings.of(dir, new RootFs(dir.resolve("root")), ServiceBackend.none());
    return new StatusDocument(
        1,
        "start",
        Instant.EPOCH,
        Duration.ZERO,
        null,
        error,
        null,
        error,
        java.util.List.of(),
        null,
        null,
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
        git,
        settings);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The text of every file under a directory, to search for the secret. */
  static String filesUnder(Path top) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> walk = Files.walk(top)) {
      walk.filter(Files::isRegularFile)
          .forEach(
              p -> {
                try {
                  all.append(p)
                      .append('\n')
                      .append(Files.readString(p, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return all.toString();
  }
}
