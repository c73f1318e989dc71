package io.netroot.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code /dev/log} of the test's own: a Unix stream socket whose messages (glibc's syslog() falls
 * back to a stream socket, ending each message with a NUL) are appended to a log file, one a line.
 * A daemon that logs only to syslog is started in a private mount namespace with the directory
 * holding this socket bind-mounted over {@code /dev}; this machine's {@code /dev} is never touched.
 */
final class SyslogSocket implements AutoCloseable {

  private final Path dev;
  private final Path log;
  private final ServerSocketChannel server;
  private final Thread acceptor;

  /**
   * @param dev a new directory that stands in for {@code /dev}: it gets {@code log} (this socket)
   *     and an empty {@code null} for a bind mount of the real {@code /dev/null}
   * @param log where the messages go
   */
  SyslogSocket(Path dev, Path log) {
    this.dev = dev;
    this.log = log;
    try {
      Files.createDirectories(dev);
      Files.deleteIfExists(dev.resolve("log"));
      Files.write(dev.resolve("null"), new byte[0]);
      Files.write(log, new byte[0]);
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(dev.resolve("log")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a syslog socket in " + dev, e);
    }
    acceptor = new Thread(this::accept, "syslog-socket");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The directory to mount over {@code /dev}. */
  Path dev() {
    return dev;
  }

  /**
   * The shell commands, for {@code unshare -m sh -c}, that put this directory over {@code /dev} in
   * the private mount namespace.
   */
  String mountOverDev() {
    return "mount --bind /dev/null '"
        + dev.resolve("null")
        + "' && mount --bind '"
        + dev
        + "' /dev";
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        Thread reader = new Thread(() -> read(client), "syslog-client");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(SocketChannel client) {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    try (client;
        OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
      while (client.read(buffer) >= 0) {
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        buffer.clear();
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] == 0) {
            bytes[i] = '\n';
          }
        }
        synchronized (this) {
          out.write(bytes);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the daemon closed its end
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(dev.resolve("log"));
    } catch (IOException e) {
      // nothing left to clean
    }
  }
}
