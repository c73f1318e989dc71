package io.netroot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.netroot.NetrootException;
import org.slf4j.LoggerFactory;

/**
 * The log output of long-running commands: one line per event on stderr, for people ({@code text},
 * journald adds the time) or as JSON objects ({@code json}), set up in code so that the flag
 * decides.
 */
final class Logging {

  private Logging() {}

  static void configure(String format, boolean info) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Encoder<ILoggingEvent> encoder;
    switch (format) {
      case "text" -> {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setPattern("%level %logger{0}: %msg%n");
        encoder = pattern;
      }
      case "json" -> encoder = new JsonEncoder();
      default -> throw new NetrootException("--log-format " + format + ": use text or json");
    }
    encoder.setContext(context);
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
}
