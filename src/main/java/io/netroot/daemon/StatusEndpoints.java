package io.netroot.daemon;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link StatusServer} answers: {@code /healthz} (503 while the pass loop is stuck), {@code
 * /readyz} (503 until the first pass is done, and while the specs do not load), {@code /metrics}
 * (Prometheus text) and {@code /status} (JSON), and the error a request that is not a GET or HEAD
 * of one of them gets. A 503 says why in its body.
 */
final class StatusEndpoints {

  /** Logged as the server's, as before the endpoints had a class of their own. */
  private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

  /** What a path answers. */
  record Reply(int code, String type, String body) {}

  /** The reply to one request, and whether its body is sent (not to a HEAD). */
  record Answer(Reply reply, boolean withBody) {}

  private final Map<String, Supplier<Reply>> routes;

  /**
   * @param stuck why the pass loop is stuck, empty while it is alive
   * @param notReady why the agent is not ready, empty once it is
   */
  StatusEndpoints(
      Supplier<Optional<String>> stuck,
      Supplier<Optional<String>> notReady,
      Supplier<String> status,
      Supplier<String> metrics) {
    this.routes =
        Map.of(
            "/healthz", () -> check(stuck.get(), "ok", "stuck"),
            "/readyz", () -> check(notReady.get(), "ready", "not ready"),
            "/metrics",
                () -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()),
            "/status", () -> new Reply(200, "application/json", status.get()));
  }

  private static Reply check(Optional<String> problem, String fine, String word) {
    return problem
        .map(why -> new Reply(503, "text/plain", word + ": " + why + "\n"))
        .orElseGet(() -> new Reply(200, "text/plain", fine + "\n"));
  }

  /** The answer to a request whose line and headers are {@code head}. */
  Answer answer(String head) {
    String line = head.lines().findFirst().orElse("");
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
      return new Answer(new Reply(400, "text/plain", "bad request\n"), true);
    }
    String method = parts[0];
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return new Answer(new Reply(405, "text/plain", "only GET\n"), true);
    }
    String target = parts[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    Supplier<Reply> route = routes.get(path);
    Reply reply;
    try {
      reply = route == null ? new Reply(404, "text/plain", "not found\n") : route.get();
    } catch (RuntimeException e) {
      log.warn("HTTP {} failed: {}", path, e.toString());
      reply = new Reply(500, "text/plain", "internal error\n");
    }
    return new Answer(reply, !method.equals("HEAD"));
  }
}
