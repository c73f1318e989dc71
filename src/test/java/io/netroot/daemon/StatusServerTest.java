package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The status server on loopback: its paths, and that no client can hold up the others. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusServerTest {

  final AtomicReference<String> notReady = new AtomicReference<>("first pass not done");
  final AtomicReference<String> stuck = new AtomicReference<>();
  String statusBody = "{\"pass\": 1}\n";
  StatusServer server;
  final List<Socket> clients = new ArrayList<>();

  @AfterEach
  void tearDown() throws IOException {
    for (Socket s : clients) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  void start(StatusServer.Limits limits) {
    server =
        new StatusServer(
            0,
            () -> Optional.ofNullable(stuck.get()),
            () -> Optional.ofNullable(notReady.get()),
            () -> statusBody,
            () -> "passes_total 1\n",
            limits);
  }

  @Test
  void eachPathAnswers() throws Exception {
    start(StatusServer.Limits.DEFAULT);
    assertThat(get("/healthz")).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nok\n");
    assertThat(get("/readyz"))
        .startsWith("HTTP/1.1 503 ")
        .endsWith("\r\n\r\nnot ready: first pass not done\n");
    notReady.set(null);
    assertThat(get("/readyz")).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nready\n");
    assertThat(get("/metrics"))
        .contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n")
        .endsWith("passes_total 1\n");
    assertThat(get("/status?pretty"))
        .contains("Content-Type: application/json\r\n")
        .contains("Content-Length: " + statusBody.length() + "\r\n")
        .endsWith(statusBody);
    assertThat(get("/")).startsWith("HTTP/1.1 404 ");
    assertThat(get("/healthz/x")).startsWith("HTTP/1.1 404 ");
    assertThat(exchange("POST /status HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 405 ")
        .contains("Allow: GET, HEAD\r\n");
    assertThat(exchange("HEAD /healthz HTTP/1.1\r\n\r\n"))
        .startsWith("HTTP/1.1 200 ")
        .endsWith("\r\n\r\n");
    assertThat(exchange("nonsense\r\n\r\n")).startsWith("HTTP/1.1 400 ");
  }

  @Test
  void healthAndReadinessFailWith503AndSayWhy() throws Exception {
    start(StatusServer.Limits.DEFAULT);
    notReady.set("specs invalid, nothing applied: hosts.yaml:6:7: bad");
    stuck.set("no progress for 4m; last step: restart dhcpd");
    assertThat(get("/readyz"))
        .startsWith("HTTP/1.1 503 Service Unavailable\r\n")
        .endsWith("\r\n\r\nnot ready: specs invalid, nothing applied: hosts.yaml:6:7: bad\n");
    assertThat(get("/healthz"))
        .startsWith("HTTP/1.1 503 ")
        .endsWith("\r\n\r\nstuck: no progress for 4m; last step: restart dhcpd\n");
    stuck.set(null);
    assertThat(get("/healthz")).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nok\n");
  }

  @Test
  void aClientStalledMidRequestDoesNotHoldUpTheOthers() throws Exception {
    start(StatusServer.Limits.DEFAULT);
    Socket stalled = stall("GET /sta");
    for (int i = 0; i < 5; i++) {
      long started = System.nanoTime();
      assertThat(get("/healthz")).startsWith("HTTP/1.1 200 ");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(stalled.isClosed()).isFalse();
  }

  @Test
  void moreStalledClientsThanThreadsAreCutOffAtTheRequestTime() throws Exception {
    start(new StatusServer.Limits(2, 8, 8192, Duration.ofMillis(500), Duration.ofSeconds(30)));
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      stalled.add(stall("GET /status HTTP/1.1\r\nHost: x\r\n"));
    }
    long started = System.nanoTime();
    assertThat(get("/healthz")).startsWith("HTTP/1.1 200 ");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    for (Socket s : stalled) {
      assertThat(closedByServer(s)).isTrue();
    }
  }

  @Test
  void aClientTricklingItsRequestIsCutOff() throws Exception {
    start(new StatusServer.Limits(2, 8, 8192, Duration.ofMillis(500), Duration.ofSeconds(30)));
    Socket slow = connect();
    OutputStream out = slow.getOutputStream();
    long started = System.nanoTime();
    try {
      for (int i = 0; i < 15; i++) { // 1.5 s, three times the time to send a request head
        out.write('X');
        out.flush();
        Thread.sleep(100);
      }
    } catch (SocketException e) {
      // the server has closed it: what the test wants
    }
    assertThat(closedByServer(slow)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRequestHeadOverTheLimitIsRefused() throws Exception {
    start(new StatusServer.Limits(2, 8, 1024, Duration.ofSeconds(5), Duration.ofSeconds(30)));
    String reply = exchange("GET /status HTTP/1.1\r\nX-Filler: " + "a".repeat(2000) + "\r\n\r\n");
    assertThat(reply).startsWith("HTTP/1.1 431 ");
    assertThat(get("/healthz")).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void aClientThatNeverReadsItsReplyIsCutOffAtTheExchangeTime() throws Exception {
    statusBody = "x".repeat(64 << 20);
    start(new StatusServer.Limits(1, 8, 8192, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    Socket greedy = connect();
    greedy.setReceiveBufferSize(4096);
    greedy.getOutputStream().write("GET /status HTTP/1.1\r\n\r\n".getBytes());
    greedy.getOutputStream().flush();
    Thread.sleep(200); // the one handler is now writing a reply nobody reads
    long started = System.nanoTime();
    assertThat(get("/healthz")).startsWith("HTTP/1.1 200 ");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    clients.add(s);
    return s;
  }

  /** A client that sends part of a request and then nothing. */
  private Socket stall(String part) throws IOException {
    Socket s = connect();
    s.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Whether the server closes the connection within a few seconds (it never answers). */
  private static boolean closedByServer(Socket s) throws IOException {
    s.setSoTimeout(5000);
    try {
      return s.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset
    }
  }

  private String get(String path) throws IOException {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }

  /** Sends a request and reads the whole reply, giving up after 10 seconds. */
  private String exchange(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
