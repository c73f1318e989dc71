package io.netroot.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the service is doing ({@code sd_notify}): a datagram such as {@code READY=1} or
 * {@code STATUS=…} sent to the Unix socket named by {@code $NOTIFY_SOCKET}. Without that variable
 * (not started by systemd with {@code Type=notify}) every call does nothing. The environment is
 * passed in, so tests can point it at a socket of their own.
 */
public final class SdNotify {

  private static final Logger log = LoggerFactory.getLogger(SdNotify.class);
  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int MSG_NOSIGNAL = 0x4000;

  /** The bits of libc this needs. */
  interface LibC extends Library {
    int socket(int domain, int type, int protocol);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    int close(int fd);
  }

  private final String socket;
  private final Duration watchdog;

  private SdNotify(String socket, Duration watchdog) {
    this.socket = socket;
    this.watchdog = watchdog;
  }

  /** Reads {@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC} and {@code WATCHDOG_PID}. */
  public static SdNotify fromEnvironment(Map<String, String> env) {
    String socket = env.get("NOTIFY_SOCKET");
    Duration watchdog = null;
    String usec = env.get("WATCHDOG_USEC");
    String pid = env.get("WATCHDOG_PID");
    boolean forUs = pid == null || pid.equals(Long.toString(ProcessHandle.current().pid()));
    if (usec != null && forUs) {
      try {
        long micros = Long.parseLong(usec.trim());
        if (micros > 0) {
          watchdog = Duration.ofNanos(micros * 1000);
        }
      } catch (NumberFormatException e) {
        log.warn("WATCHDOG_USEC={} is not a number; no watchdog pings", usec);
      }
    }
    return new SdNotify(socket == null || socket.isEmpty() ? null : socket, watchdog);
  }

  public boolean enabled() {
    return socket != null;
  }

  /** How often to send {@code WATCHDOG=1}: half the watchdog timeout, when systemd set one. */
  public Optional<Duration> watchdogPingInterval() {
    return socket == null || watchdog == null
        ? Optional.empty()
        : Optional.of(watchdog.dividedBy(2));
  }

  /**
   * Asks systemd for more time ({@code EXTEND_TIMEOUT_USEC}): while starting or stopping, the
   * service is not failed for taking longer than {@code TimeoutStartSec=} or {@code
   * TimeoutStopSec=} as long as another such message comes within {@code within}.
   */
  public void extendTimeout(Duration within) {
    send("EXTEND_TIMEOUT_USEC=" + Math.max(1, within.toNanos() / 1000));
  }

  /** Sends one notification ({@code READY=1}, {@code STATUS=…}); failures are only logged. */
  public void send(String state) {
    if (socket == null) {
      return;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      int fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        log.warn("sd_notify: socket() failed (errno {})", Native.getLastError());
        return;
      }
      try {
        byte[] message = state.getBytes(StandardCharsets.UTF_8);
        byte[] address = address(socket);
        long sent = libc.sendto(fd, message, message.length, MSG_NOSIGNAL, address, address.length);
        if (sent < 0) {
          log.warn("sd_notify to {} failed (errno {})", socket, Native.getLastError());
        }
      } finally {
        libc.close(fd);
      }
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      log.warn("sd_notify: {}", e.toString());
    }
  }

  /**
   * A {@code struct sockaddr_un}: the family, then the path; an abstract name ({@code @name})
   * starts with a NUL byte and has no terminating one.
   */
  static byte[] address(String socket) {
    byte[] path = socket.getBytes(StandardCharsets.UTF_8);
    boolean isAbstract = socket.startsWith("@");
    if (isAbstract) {
      path[0] = 0;
    }
    if (path.length > 107) {
      throw new IllegalArgumentException("NOTIFY_SOCKET path too long: " + socket);
    }
    ByteBuffer buffer = ByteBuffer.allocate(2 + path.length + (isAbstract ? 0 : 1));
    buffer.order(ByteOrder.nativeOrder()).putShort((short) AF_UNIX).put(path);
    return buffer.array();
  }
}
