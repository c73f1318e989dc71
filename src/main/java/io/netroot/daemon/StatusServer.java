package io.netroot.daemon;

import io.netroot.NetrootException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health, status and metrics over HTTP on 127.0.0.1 only: {@code /healthz} (503 while the pass loop
 * is stuck), {@code /readyz} (503 until the first pass is done, and while the specs do not load),
 * {@code /metrics} (Prometheus text) and {@code /status} (JSON). A 503 says why in its body. One
 * request per connection.
 *
 * <p>No client can hold the others up: requests are served by a few threads, a connection that has
 * not sent its whole request head (at most {@link Limits#maxHead} bytes) within {@link
 * Limits#requestTime} is closed, and so is one whose whole exchange, reply included, takes longer
 * than {@link Limits#exchangeTime} (a client that never reads its reply). Connections beyond what
 * the threads and their queue can take are closed at once.
 */
final class StatusServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

  /**
   * How much a client may ask of the server.
   *
   * @param handlers threads serving requests
   * @param queue accepted connections that may wait for a thread
   * @param maxHead the most bytes of request line and headers
   * @param requestTime how long a client has to send its request head
   * @param exchangeTime how long a whole exchange may take
   */
  record Limits(int handlers, int queue, int maxHead, Duration requestTime, Duration exchangeTime) {
    static final Limits DEFAULT =
        new Limits(4, 16, 8 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** What a path answers. */
  private record Reply(int code, String type, String body) {}

  private final ServerSocket socket;
  private final Limits limits;
  private final Map<String, Supplier<Reply>> routes;
  private final ThreadPoolExecutor handlers;
  private final ScheduledThreadPoolExecutor deadlines;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /**
   * @param port the port, or 0 for any free one
   * @param stuck why the pass loop is stuck, empty while it is alive
   * @param notReady why the agent is not ready, empty once it is
   */
  StatusServer(
      int port,
      Supplier<Optional<String>> stuck,
      Supplier<Optional<String>> notReady,
      Supplier<String> status,
      Supplier<String> metrics) {
    this(port, stuck, notReady, status, metrics, Limits.DEFAULT);
  }

  StatusServer(
      int port,
      Supplier<Optional<String>> stuck,
      Supplier<Optional<String>> notReady,
      Supplier<String> status,
      Supplier<String> metrics,
      Limits limits) {
    this.limits = limits;
    this.routes =
        Map.of(
            "/healthz", () -> check(stuck.get(), "ok", "stuck"),
            "/readyz", () -> check(notReady.get(), "ready", "not ready"),
            "/metrics",
                () -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()),
            "/status", () -> new Reply(200, "application/json", status.get()));
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      throw new NetrootException(
          "cannot serve HTTP on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    handlers =
        new ThreadPoolExecutor(
            limits.handlers(),
            limits.handlers(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(limits.queue()),
            daemon("netroot-http"));
    deadlines = new ScheduledThreadPoolExecutor(1, daemon("netroot-http-deadline"));
    deadlines.setRemoveOnCancelPolicy(true);
    daemon("netroot-http-accept").newThread(this::accept).start();
  }

  private static Reply check(Optional<String> problem, String fine, String word) {
    return problem
        .map(why -> new Reply(503, "text/plain", word + ": " + why + "\n"))
        .orElseGet(() -> new Reply(200, "text/plain", fine + "\n"));
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.debug("HTTP accept failed: {}", e.toString());
          pause(); // out of file descriptors, say: do not spin
        }
        continue;
      }
      open.add(client);
      // a connection waits for a thread at most one exchange time, then gets a whole one of its own
      ScheduledFuture<?> waiting =
          deadlines.schedule(
              () -> close(client), limits.exchangeTime().toMillis(), TimeUnit.MILLISECONDS);
      try {
        handlers.execute(() -> serve(client, waiting));
      } catch (RejectedExecutionException e) {
        log.debug("HTTP: too many connections, one closed unanswered");
        waiting.cancel(false);
        close(client);
      }
    }
  }

  private void serve(Socket client, ScheduledFuture<?> waiting) {
    waiting.cancel(false);
    // the whole exchange, reply included, is bounded from when a thread takes it up
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> close(client), limits.exchangeTime().toMillis(), TimeUnit.MILLISECONDS);
    try {
      String head = readHead(client);
      if (head != null) {
        respond(client, head);
      }
    } catch (IOException e) {
      log.debug("HTTP client dropped: {}", e.toString());
    } finally {
      deadline.cancel(false);
      close(client);
    }
  }

  /**
   * The request line and headers, or {@code null} when the client sent none within the time, or
   * closed; a head over the limit is answered 431.
   */
  private String readHead(Socket client) throws IOException {
    long end = System.nanoTime() + limits.requestTime().toNanos();
    InputStream in = client.getInputStream();
    byte[] buffer = new byte[limits.maxHead()];
    int length = 0;
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      if (left <= 0) {
        log.debug("HTTP client sent no whole request within {}", limits.requestTime());
        return null;
      }
      client.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
      int n;
      try {
        n = in.read(buffer, length, buffer.length - length);
      } catch (java.net.SocketTimeoutException e) {
        continue; // the loop sees the time is up
      }
      if (n < 0) {
        return null;
      }
      length += n;
      String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      int blank = text.indexOf("\r\n\r\n");
      if (blank < 0) {
        blank = text.indexOf("\n\n");
      }
      if (blank >= 0) {
        return text.substring(0, blank);
      }
      if (length == buffer.length) {
        write(client, "GET", new Reply(431, "text/plain", "request header too large\n"));
        return null;
      }
    }
  }

  private void respond(Socket client, String head) throws IOException {
    String line = head.lines().findFirst().orElse("");
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
      write(client, "GET", new Reply(400, "text/plain", "bad request\n"));
      return;
    }
    String method = parts[0];
    if (!method.equals("GET") && !method.equals("HEAD")) {
      write(client, "GET", new Reply(405, "text/plain", "only GET\n"));
      return;
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
    write(client, method, reply);
  }

  private static void write(Socket client, String method, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + reply.code()
            + " "
            + reason(reply.code())
            + "\r\nContent-Type: "
            + reply.type()
            + "\r\nContent-Length: "
            + body.length
            + (reply.code() == 405 ? "\r\nAllow: GET, HEAD" : "")
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (!method.equals("HEAD")) {
      out.write(body);
    }
    out.flush();
  }

  private static String reason(int code) {
    return switch (code) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }

  private void close(Socket client) {
    open.remove(client);
    try {
      client.close();
    } catch (IOException e) {
      log.debug("closing an HTTP connection: {}", e.toString());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing the HTTP socket: {}", e.toString());
    }
    handlers.shutdownNow();
    deadlines.shutdownNow();
    for (Socket client : Set.copyOf(open)) {
      close(client);
    }
  }
}
