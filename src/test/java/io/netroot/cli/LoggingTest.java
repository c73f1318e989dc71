package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code --log-format} writes on stderr, captured from this process. */
class LoggingTest {

  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream realErr;
  final Logger log = LoggerFactory.getLogger("io.netroot.daemon.Agent");

  @BeforeEach
  void captureStderr() throws Exception {
    realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    defaultConfiguration();
  }

  @AfterEach
  void restore() throws Exception {
    System.setErr(realErr);
    defaultConfiguration();
  }

  /** Logback as logback.xml sets it up, whatever an earlier test in this JVM configured. */
  static void defaultConfiguration() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLinesCarryTheFormattedMessage() throws Exception {
    Logging.configure("json", true, false);
    log.info("{} {}: {}{}", "update", "/etc/exports", "spec changed", "");
    log.error("pass {} (timer): {}", 4, "specs invalid, nothing applied");
    String[] lines = stderr().split("\n");
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode info = mapper.readTree(lines[0]);
    assertThat(info.get("message").asText()).isEqualTo("update /etc/exports: spec changed");
    assertThat(info.get("level").asText()).isEqualTo("INFO");
    assertThat(info.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(mapper.readTree(lines[1]).get("message").asText())
        .isEqualTo("pass 4 (timer): specs invalid, nothing applied");
  }

  @Test
  void textUnderJournaldStartsEachLineWithItsPriority() {
    Logging.configure("text", true, true);
    log.error("pass 1 (start): failed");
    log.warn("drift on {}:\n{}", "/etc/exports", "-a\n+b");
    log.info("pass 2 (timer): converged");
    assertThat(stderr())
        .isEqualTo(
            "<3>ERROR Agent: pass 1 (start): failed\n"
                + "<4>WARN Agent: drift on /etc/exports:\n<4>-a\n<4>+b\n"
                + "<6>INFO Agent: pass 2 (timer): converged\n");
  }

  @Test
  void textWithoutJournaldIsPlain() {
    Logging.configure("text", true, false);
    log.error("pass 1 (start): failed");
    log.info("pass 2 (timer): converged");
    assertThat(stderr())
        .isEqualTo("ERROR Agent: pass 1 (start): failed\nINFO Agent: pass 2 (timer): converged\n");
  }

  @Test
  void journalFormatAddsThePrioritiesEvenWhenStderrIsNotTheJournal() {
    Logging.configure("journal", true, false);
    log.warn("cannot write the status: disk full");
    assertThat(stderr()).isEqualTo("<4>WARN Agent: cannot write the status: disk full\n");
  }

  @Test
  void jsonUnderJournaldKeepsThePriorityOutsideTheObject() throws Exception {
    Logging.configure("json", true, true);
    log.error("pass {} failed", 9);
    String line = stderr();
    assertThat(line).startsWith("<3>{");
    assertThat(new ObjectMapper().readTree(line.substring(3)).get("message").asText())
        .isEqualTo("pass 9 failed");
  }

  @Test
  void anUnknownFormatIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Logging.configure("xml", true, false))
        .isInstanceOf(NetrootException.class)
        .hasMessage("--log-format xml: use text, journal or json");
  }

  @Test
  void theDefaultConfigurationUsesTheJournaldAwareLayout() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Appender<?> appender =
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(appender).isInstanceOf(OutputStreamAppender.class);
    Object encoder = ((OutputStreamAppender<?>) appender).getEncoder();
    assertThat(encoder).isInstanceOf(LayoutWrappingEncoder.class);
    assertThat(((LayoutWrappingEncoder<?>) encoder).getLayout()).isInstanceOf(TextLogLayout.class);
    LoggerFactory.getLogger("io.netroot.engine.Engine").warn("a warning");
    assertThat(stderr()).isEqualTo("WARN Engine: a warning\n");
  }
}
