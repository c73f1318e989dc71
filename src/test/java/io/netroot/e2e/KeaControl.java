package io.netroot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command to a running Kea through its control socket (a Unix socket, so reachable from outside
 * the lab's network namespace): Kea answers with one JSON document and closes.
 */
final class KeaControl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeaControl() {}

  /**
   * Sends {@code command} with {@code arguments} and returns Kea's answer, within {@code timeout}.
   */
  static JsonNode command(Path socket, String command, JsonNode arguments, Duration timeout)
      throws IOException, InterruptedException {
    var request = JSON.createObjectNode().put("command", command);
    request.set("arguments", arguments);
    byte[] bytes = JSON.writeValueAsBytes(request);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      var answer =
          executor.submit(
              () -> {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(bytes));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(8192);
                while (channel.read(buffer) >= 0) {
                  out.write(buffer.array(), 0, buffer.position());
                  buffer.clear();
                  String text = out.toString(StandardCharsets.UTF_8);
                  if (isWholeDocument(text)) {
                    break;
                  }
                }
                return out.toString(StandardCharsets.UTF_8);
              });
      return JSON.readTree(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Kea did not answer " + command + " on " + socket + ": " + e, e);
    } finally {
      executor.shutdownNow();
    }
  }

  /** Whether {@code text} is one complete JSON document (Kea may keep the socket open). */
  private static boolean isWholeDocument(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@code lease4-get} of {@code address}: Kea's answer, result 0 with the lease, or 3 for none.
   */
  static JsonNode lease(Path socket, String address) throws IOException, InterruptedException {
    return command(
        socket,
        "lease4-get",
        JSON.createObjectNode().put("ip-address", address),
        Duration.ofSeconds(10));
  }
}
