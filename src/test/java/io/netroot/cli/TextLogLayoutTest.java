package io.netroot.cli;

import static io.netroot.cli.LogEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

/** Text log lines, with the syslog priority prefix journald reads and without it. */
class TextLogLayoutTest {

  static TextLogLayout layout(boolean journal) {
    TextLogLayout layout = new TextLogLayout();
    layout.setContext(LogEvents.CONTEXT);
    layout.setJournal(journal);
    layout.start();
    return layout;
  }

  @Test
  void withoutJournaldTheLineStaysAsItWas() {
    assertThat(layout(false).doLayout(event(Level.ERROR, "pass {} failed", null, 3)))
        .isEqualTo("ERROR Agent: pass 3 failed\n");
  }

  @Test
  void underJournaldEachLevelGetsItsSyslogPriority() {
    TextLogLayout layout = layout(true);
    assertThat(layout.doLayout(event(Level.ERROR, "e", null))).isEqualTo("<3>ERROR Agent: e\n");
    assertThat(layout.doLayout(event(Level.WARN, "w", null))).isEqualTo("<4>WARN Agent: w\n");
    assertThat(layout.doLayout(event(Level.INFO, "i", null))).isEqualTo("<6>INFO Agent: i\n");
    assertThat(layout.doLayout(event(Level.DEBUG, "d", null))).isEqualTo("<7>DEBUG Agent: d\n");
    assertThat(layout.doLayout(event(Level.TRACE, "t", null))).isEqualTo("<7>TRACE Agent: t\n");
  }

  @Test
  void everyLineOfAMultiLineMessageKeepsThePriority() {
    String text =
        layout(true)
            .doLayout(
                event(
                    Level.WARN,
                    "drift on {}: {}\n{}",
                    null,
                    "/etc/exports",
                    "hand edit",
                    "--- last applied\n+++ on disk"));
    assertThat(text.split("\n", -1))
        .containsExactly(
            "<4>WARN Agent: drift on /etc/exports: hand edit",
            "<4>--- last applied",
            "<4>+++ on disk",
            "");
  }

  @Test
  void everyLineOfAStackTraceKeepsThePriority() {
    String text =
        layout(true)
            .doLayout(event(Level.ERROR, "pass failed", new IllegalStateException("disk gone")));
    String[] lines = text.split("\n");
    assertThat(lines.length).isGreaterThan(2);
    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("<3>"));
    assertThat(text)
        .contains("<3>ERROR Agent: pass failed\n<3>java.lang.IllegalStateException: disk gone");
    assertThat(text).endsWith("\n").doesNotEndWith("<3>");
  }
}
