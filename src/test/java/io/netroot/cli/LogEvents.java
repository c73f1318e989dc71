package io.netroot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** Logging events as the daemon's loggers make them, to feed a layout directly. */
final class LogEvents {

  static final LoggerContext CONTEXT = new LoggerContext();

  private LogEvents() {}

  static LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
    Logger logger = CONTEXT.getLogger("io.netroot.daemon.Agent");
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, args);
    event.setThreadName("netroot-pass");
    return event;
  }
}
