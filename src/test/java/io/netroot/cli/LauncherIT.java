package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags {@code bin/agent} chooses: the short read-only commands run with the serial
 * collector, the others with the JVM's default, and a collector named in {@code NETROOT_JAVA_OPTS}
 * replaces the serial one rather than clashing with it (the JVM refuses two).
 */
class LauncherIT {

  record Run(int exit, String err) {}

  private static Run agent(String javaOpts, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bin/agent"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("NETROOT_JAVA_OPTS", javaOpts + " -Xlog:gc:stderr");
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), err);
  }

  @Test
  void validateRunsWithTheSerialCollector() throws Exception {
    Run run = agent("", "validate", "--specs", "specs");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("Using Serial");
  }

  @Test
  void aCollectorNamedByTheUserReplacesTheSerialOne() throws Exception {
    Run run = agent("-XX:+UseParallelGC", "validate", "--specs", "specs");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("Using Parallel").doesNotContain("multiple garbage collectors");
  }

  @Test
  void otherCommandsKeepTheDefaultCollector() throws Exception {
    Run run = agent("", "schema");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("Using G1");
  }
}
