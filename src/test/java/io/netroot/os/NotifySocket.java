package io.netroot.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What systemd would be for {@code sd_notify}: a Unix datagram socket bound in a temp directory,
 * whose path a test passes as {@code NOTIFY_SOCKET}, and whose messages it reads.
 */
public final class NotifySocket implements AutoCloseable {

  private static final int MSG_DONTWAIT = 0x40;

  interface LibC extends Library {
    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int addressLength);

    long recv(int fd, byte[] buffer, long length, int flags);

    int close(int fd);
  }

  private final LibC libc = Native.load("c", LibC.class);
  private final int fd;
  private final List<String> received = new ArrayList<>();
  public final Path path;

  public NotifySocket(Path path) {
    this.path = path;
    fd = libc.socket(1, 2, 0);
    byte[] address = SdNotify.address(path.toString());
    if (fd < 0 || libc.bind(fd, address, address.length) != 0) {
      throw new IllegalStateException("cannot bind " + path + ": errno " + Native.getLastError());
    }
  }

  /** Every message received so far. */
  public synchronized List<String> messages() {
    byte[] buffer = new byte[4096];
    long n;
    while ((n = libc.recv(fd, buffer, buffer.length, MSG_DONTWAIT)) > 0) {
      received.add(new String(buffer, 0, (int) n, StandardCharsets.UTF_8));
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    libc.close(fd);
  }
}
