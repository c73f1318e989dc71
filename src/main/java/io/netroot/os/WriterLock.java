package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One writer at a time: {@code apply} and {@code run} both hold {@code <root>/var/lib/netroot/lock}
 * while they may write. The file holds the holder's PID so that the one left waiting can say who it
 * waited for. The lock is the kernel's ({@code fcntl}), so it goes away with the process, however
 * it ends.
 */
public final class WriterLock implements AutoCloseable {

  /** The lock file, as a server path. */
  public static final String PATH = "/var/lib/netroot/lock";

  private static final Duration POLL = Duration.ofMillis(100);

  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, waiting up to {@code timeout} for another holder to let go.
   *
   * @throws NetrootException naming the holder's PID when the wait ran out
   */
  public static WriterLock acquire(RootFs root, Duration timeout) {
    Path file = root.resolve(PATH);
    Instant deadline = Instant.now().plus(timeout);
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        while (true) {
          FileLock lock = tryLock(channel);
          if (lock != null) {
            channel.truncate(0);
            channel.write(
                ByteBuffer.wrap(
                    (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
            channel.force(false);
            return new WriterLock(channel, lock);
          }
          if (!Instant.now().isBefore(deadline)) {
            throw new NetrootException(
                "another netroot (pid "
                    + holder(file)
                    + ") holds the lock on "
                    + root.dir()
                    + "; waited "
                    + seconds(timeout)
                    + " s");
          }
          Thread.sleep(POLL.toMillis());
        }
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      } catch (InterruptedException e) {
        channel.close();
        Thread.currentThread().interrupt();
        throw new NetrootException("interrupted while waiting for the lock on " + root.dir(), e);
      }
    } catch (IOException e) {
      throw new NetrootException("cannot lock " + file + ": " + AtomicFile.describe(e), e);
    }
  }

  /** A lock held by this JVM (another command run in-process) counts as held, as by another. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? "unknown" : pid;
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String seconds(Duration timeout) {
    long ms = timeout.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format("%.1f", ms / 1000.0);
  }

  /** Lets go; the PID stays in the file but nobody holds the lock. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new NetrootException("cannot release the lock: " + AtomicFile.describe(e), e);
    }
  }
}
