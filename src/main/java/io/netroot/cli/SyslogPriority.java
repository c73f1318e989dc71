package io.netroot.cli;

import ch.qos.logback.classic.Level;

/**
 * The {@code <N>} prefix journald reads at the start of a line on a service's stdout or stderr
 * ({@code SyslogLevelPrefix=yes}, systemd's default) and turns into the entry's priority, so that
 * {@code journalctl -p err} finds netroot's errors. The prefix itself is not stored.
 */
final class SyslogPriority {

  /** syslog's LOG_ERR, LOG_WARNING, LOG_INFO and LOG_DEBUG. */
  static final int ERR = 3;

  static final int WARNING = 4;
  static final int INFO = 6;
  static final int DEBUG = 7;

  private SyslogPriority() {}

  /** The syslog priority of a Logback level: TRACE is DEBUG, as syslog has nothing lower. */
  static int of(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> ERR;
      case Level.WARN_INT -> WARNING;
      case Level.INFO_INT -> INFO;
      default -> DEBUG;
    };
  }

  /**
   * {@code text} with {@code <priority>} at the start of every line: journald makes one entry per
   * line, and a line without the prefix (the rest of a diff, a stack trace) would get the stream's
   * default priority, info.
   */
  static String prefixLines(int priority, String text) {
    String prefix = "<" + priority + ">";
    StringBuilder out = new StringBuilder(text.length() + prefix.length());
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart) {
        out.append(prefix);
      }
      out.append(c);
      lineStart = c == '\n';
    }
    return out.toString();
  }
}
