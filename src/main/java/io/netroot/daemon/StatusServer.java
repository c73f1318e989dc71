package io.netroot.daemon;

import io.netroot.NetrootException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
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
 * Health, status and metrics over HTTP on 127.0.0.1 only; what each path answers is {@link
 * StatusEndpoints}'s, the HTTP of one exchange {@link HttpWire}'s. One request per connection.
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

  private final ServerSocket socket;
  private final Limits limits;
  private final StatusEndpoints endpoints;
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
    this.endpoints = new StatusEndpoints(stuck, notReady, status, metrics);
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
      String head = HttpWire.readHead(client, limits);
      if (head != null) {
        StatusEndpoints.Answer answer = endpoints.answer(head);
        HttpWire.write(client, answer.reply(), answer.withBody());
      }
    } catch (IOException e) {
      log.debug("HTTP client dropped: {}", e.toString());
    } finally {
      deadline.cancel(false);
      close(client);
    }
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
