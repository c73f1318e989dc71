package io.netroot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is connected to systemd's journal. systemd sets {@code JOURNAL_STREAM=DEV:INODE}
 * for a service whose output goes to journald; the variable is inherited by children whose stderr
 * may point elsewhere, so it only counts when stderr's own device and inode match it (as
 * sd_journal_stream_fd(3) and systemd.exec(5) advise).
 */
final class JournalStream {

  /** Where Linux shows this process's stderr; stat follows it to the socket or pipe itself. */
  static final Path STDERR = Path.of("/proc/self/fd/2");

  private JournalStream() {}

  /** True when this process's stderr is the journal stream systemd announced. */
  static boolean isStderr() {
    return matches(System.getenv("JOURNAL_STREAM"), STDERR);
  }

  /**
   * True when {@code journalStream} (the variable's value, or null) names the device and inode of
   * {@code file}.
   */
  static boolean matches(String journalStream, Path file) {
    if (journalStream == null) {
      return false;
    }
    int colon = journalStream.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    try {
      long dev = Long.parseUnsignedLong(journalStream.substring(0, colon));
      long ino = Long.parseUnsignedLong(journalStream.substring(colon + 1));
      return ((Long) Files.getAttribute(file, "unix:dev")) == dev
          && ((Long) Files.getAttribute(file, "unix:ino")) == ino;
    } catch (NumberFormatException | IOException | UnsupportedOperationException e) {
      // a malformed variable or an unreadable stderr: write plain lines, as without journald
      return false;
    }
  }
}
