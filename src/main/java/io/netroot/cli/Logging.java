package io.netroot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * The log output of long-running commands: one line per event on stderr, for people ({@code text},
 * journald adds the time) or as JSON objects ({@code json}), set up in code so that the flag
 * decides. When stderr is the journal, each line starts with its syslog priority ({@code <3>} for
 * an error) so that {@code journalctl -p err} finds errors; {@code journal} forces that prefix, for
 * when stderr reaches journald through another program.
 */
final class Logging {

  private Logging() {}

  static void configure(String format, boolean info) {
    configure(format, info, JournalStream.isStderr());
  }

  /**
   * @param journal whether stderr is the journal, so lines need the priority prefix
   */
  static void configure(String format, boolean info, boolean journal) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Layout<ILoggingEvent> layout = layout(format, journal);
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLogger.detachAndStopAllAppenders();
    rootLogger.addAppender(appender);
    if (info) {
      Logger netroot = context.getLogger("io.netroot");
      if (netroot.getLevel() == null || netroot.getLevel().isGreaterOrEqual(Level.INFO)) {
        netroot.setLevel(Level.INFO);
      }
    }
  }

  private static Layout<ILoggingEvent> layout(String format, boolean journal) {
    return switch (format) {
      case "text", "journal" -> {
        TextLogLayout text = new TextLogLayout();
        text.setJournal(journal || format.equals("journal"));
        yield text;
      }
      case "json" -> new JsonLogLayout(journal);
      default ->
          throw new NetrootException("--log-format " + format + ": use text, journal or json");
    };
  }
}
