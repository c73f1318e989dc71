package io.netroot.daemon;

import io.netroot.daemon.StatusEndpoints.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The little of HTTP/1.1 that {@link StatusServer} speaks on a connection: reading a request head
 * within its size and time limits, and writing one reply, after which the connection closes.
 */
final class HttpWire {

  /** Logged as the server's, as before the wire format had a class of its own. */
  private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

  private HttpWire() {}

  /**
   * The request line and headers, or {@code null} when the client sent none within the time, or
   * closed; a head over the limit is answered 431.
   */
  static String readHead(Socket client, StatusServer.Limits limits) throws IOException {
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
      } catch (SocketTimeoutException e) {
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
        write(client, new Reply(431, "text/plain", "request header too large\n"), true);
        return null;
      }
    }
  }

  /** Writes {@code reply}, its body only when {@code withBody} (not to a HEAD). */
  static void write(Socket client, Reply reply, boolean withBody) throws IOException {
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
    if (withBody) {
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
}
