package io.netroot.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netroot.NetrootException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health, status and metrics over HTTP on 127.0.0.1 only: {@code /healthz}, {@code /readyz} (the
 * first pass is done), {@code /metrics} (Prometheus text) and {@code /status} (JSON).
 */
final class StatusServer implements AutoCloseable {

  private final HttpServer server;

  /**
   * @param port the port, or 0 for any free one
   */
  StatusServer(int port, BooleanSupplier ready, Supplier<String> status, Supplier<String> metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    } catch (IOException e) {
      throw new NetrootException(
          "cannot serve HTTP on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    server.createContext("/healthz", x -> reply(x, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        x ->
            reply(
                x,
                ready.getAsBoolean() ? 200 : 503,
                "text/plain",
                ready.getAsBoolean() ? "ready\n" : "first pass not done\n"));
    server.createContext(
        "/metrics", x -> reply(x, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext("/status", x -> reply(x, 200, "application/json", status.get()));
    server.createContext("/", x -> reply(x, 404, "text/plain", "not found\n"));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "netroot-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        code = 405;
        body = "only GET\n";
      } else if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())
          && !exchange.getHttpContext().getPath().equals("/")) {
        code = 404;
        body = "not found\n";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(
          code, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
      if (!exchange.getRequestMethod().equals("HEAD")) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
