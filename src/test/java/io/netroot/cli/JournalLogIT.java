package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/agent} with its stderr where systemd's {@code JOURNAL_STREAM} says the journal is:
 * every line carries its syslog priority, so {@code journalctl -p err} finds the errors. Without
 * journald, or with the variable inherited for another stream, the lines are plain.
 */
class JournalLogIT {

  static final String BROKEN_SPEC = "apiVersion: netroot/v1\nkind: Host\nmetadata: {name: x}\n";

  @TempDir Path dir;

  static String devIno(Path file) throws Exception {
    return Files.getAttribute(file, "unix:dev") + ":" + Files.getAttribute(file, "unix:ino");
  }

  /** Starts bin/agent with stderr into {@code log} and JOURNAL_STREAM set as given. */
  static Process agent(Path log, String journalStream, List<String> args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("bin/agent"), args.stream())
                    .toList())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile());
    Map<String, String> env = builder.environment();
    env.remove("JOURNAL_STREAM");
    if (journalStream != null) {
      env.put("JOURNAL_STREAM", journalStream);
    }
    return builder.start();
  }

  @Test
  void theDaemonsLinesCarryTheirPriorityWhenStderrIsTheJournal() throws Exception {
    assertThat(Path.of("target/netroot.jar")).as("the jar built by mvn package").exists();
    TestBootServer server = new TestBootServer(dir);
    Path log = Files.createFile(dir.resolve("journal"));
    Process agent =
        agent(
            log,
            devIno(log),
            List.of(
                "run",
                "--specs",
                server.specs.toString(),
                "--root",
                server.root.toString(),
                "--http",
                "0",
                "--interval",
                "1h"));
    try {
      Eventually.within(
          Duration.ofSeconds(60),
          () -> assertThat(log).content().contains("<6>INFO Agent: pass 1 (start)"));
      // the spec watch is set up just after the first pass: write until a pass sees the change
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String broken = "<3>ERROR Agent: pass \\d+ \\([^)]*\\).*specs invalid";
      do {
        server.writeSpec("broken.yaml", BROKEN_SPEC);
        Thread.sleep(3000);
      } while (!java.util.regex.Pattern.compile(broken).matcher(Files.readString(log)).find()
          && System.nanoTime() < deadline);
      assertThat(log).content().containsPattern(broken);
    } finally {
      agent.destroy();
      agent.waitFor(10, TimeUnit.SECONDS);
      agent.destroyForcibly();
    }
    assertThat(Files.readAllLines(log))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("<[3467]>.*"));
  }

  @Test
  void aFailedCommandsErrorLinesCarryTheErrorPriority() throws Exception {
    TestBootServer server = new TestBootServer(dir);
    server.writeSpec("broken.yaml", BROKEN_SPEC);
    Path log = Files.createFile(dir.resolve("journal"));
    Process apply =
        agent(
            log,
            devIno(log),
            List.of("apply", "--specs", server.specs.toString(), "--root", server.root.toString()));
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(apply.exitValue()).isEqualTo(1);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("<3>").contains("broken.yaml"));
    assertThat(lines).last().isEqualTo("<3>1 error; nothing was changed");
    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("<3>"));
  }

  @Test
  void anInheritedVariableForAnotherStreamLeavesTheLinesPlain() throws Exception {
    TestBootServer server = new TestBootServer(dir);
    server.writeSpec("broken.yaml", BROKEN_SPEC);
    Path log = Files.createFile(dir.resolve("log"));
    Path elsewhere = Files.createFile(dir.resolve("elsewhere"));
    Process apply =
        agent(
            log,
            devIno(elsewhere),
            List.of("apply", "--specs", server.specs.toString(), "--root", server.root.toString()));
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(apply.exitValue()).isEqualTo(1);
    assertThat(log).content().contains("1 error; nothing was changed").doesNotContain("<3>");
  }
}
