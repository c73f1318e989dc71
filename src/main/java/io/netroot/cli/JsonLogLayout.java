package io.netroot.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;

/**
 * One JSON object per line, for log collectors: {@code
 * {"time":"2025-01-31T09:00:00.123Z","level":"INFO","logger":"io.netroot.daemon.Agent",
 * "thread":"main","message":"pass 1 (start): …"}}, with {@code "exception"} holding the stack trace
 * when the event carries one. The message has its arguments filled in (logback's own JsonEncoder
 * writes the pattern and the arguments apart). Jackson escapes line breaks and other control
 * characters, so an event is always exactly one line. When stderr goes to journald the line starts
 * with its syslog priority, which journald strips, so the journal entry is plain JSON with the
 * right priority.
 */
final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

  private static final JsonFactory JSON = new JsonFactory();

  private final boolean journal;

  JsonLogLayout(boolean journal) {
    this.journal = journal;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    if (journal) {
      out.append('<').append(String.valueOf(SyslogPriority.of(event.getLevel()))).append('>');
    }
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", event.getInstant().truncatedTo(ChronoUnit.MILLIS).toString());
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField("exception", ThrowableProxyUtil.asString(thrown).stripTrailing());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }
}
