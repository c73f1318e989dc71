package io.netroot.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * Log lines for people: {@code WARN Agent: message}, a stack trace below when the event carries
 * one. When stderr goes to journald every line starts with its syslog priority ({@code <4>WARN
 * Agent: …}): journald takes the priority from the prefix and drops it, and adds the time itself.
 * Named in {@code logback.xml}, so it is public.
 */
public final class TextLogLayout extends LayoutBase<ILoggingEvent> {

  static final String PATTERN = "%level %logger{0}: %msg%n";

  private final PatternLayout pattern = new PatternLayout();
  private Boolean journal;

  /** Forces the priority prefix on or off; by default it is on when stderr is the journal. */
  public void setJournal(boolean journal) {
    this.journal = journal;
  }

  @Override
  public void start() {
    if (journal == null) {
      journal = JournalStream.isStderr();
    }
    pattern.setContext(getContext());
    pattern.setPattern(PATTERN);
    pattern.start();
    super.start();
  }

  @Override
  public void stop() {
    pattern.stop();
    super.stop();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    String text = pattern.doLayout(event);
    return journal ? SyslogPriority.prefixLines(SyslogPriority.of(event.getLevel()), text) : text;
  }
}
