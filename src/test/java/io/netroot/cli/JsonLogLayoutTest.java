package io.netroot.cli;

import static io.netroot.cli.LogEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code --log-format json}: one parseable object per line, the message with its arguments. */
class JsonLogLayoutTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static String layout(boolean journal, LoggingEvent event) {
    JsonLogLayout layout = new JsonLogLayout(journal);
    layout.setContext(LogEvents.CONTEXT);
    layout.start();
    return layout.doLayout(event);
  }

  @Test
  void theMessageHasItsArgumentsFilledIn() throws Exception {
    LoggingEvent event =
        event(Level.INFO, "{} {}: {}{}", null, "create", "/srv/tftp/x", "new file", " [backup 7]");
    String line = layout(false, event);
    assertThat(line).endsWith("\n").doesNotContain("{}");
    JsonNode json = MAPPER.readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("create /srv/tftp/x: new file [backup 7]");
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("logger").asText()).isEqualTo("io.netroot.daemon.Agent");
    assertThat(json.get("thread").asText()).isEqualTo("netroot-pass");
    assertThat(Duration.between(Instant.parse(json.get("time").asText()), Instant.now()))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    assertThat(json.has("exception")).isFalse();
  }

  @Test
  void controlCharactersAreEscapedSoTheEventIsOneLine() throws Exception {
    String message = "drift on /etc/exports:\n--- a\r\n+++ b\t\u0001\u001b[31m \"quoted\" \\ é";
    String line = layout(false, event(Level.WARN, "{}", null, message));
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(MAPPER.readTree(line).get("message").asText()).isEqualTo(message);
  }

  @Test
  void anExceptionIsWrittenAsTextInTheSameLine() throws Exception {
    String line =
        layout(false, event(Level.ERROR, "pass failed", new IllegalStateException("disk gone")));
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    JsonNode json = MAPPER.readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("pass failed");
    assertThat(json.get("exception").asText())
        .startsWith("java.lang.IllegalStateException: disk gone\n")
        .contains("\tat io.netroot.cli.JsonLogLayoutTest");
  }

  @Test
  void underJournaldTheLineStartsWithThePriorityAndTheRestIsTheSameJson() throws Exception {
    LoggingEvent event = event(Level.ERROR, "pass {} failed", null, 2);
    String plain = layout(false, event);
    String journal = layout(true, event);
    assertThat(journal).isEqualTo("<3>" + plain);
    assertThat(MAPPER.readTree(journal.substring(3)).get("message").asText())
        .isEqualTo("pass 2 failed");
  }
}
