package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.RootFs;
import io.netroot.os.WriterLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/agent run} as its own process: SIGTERM stops it cleanly. */
class AgentRunIT {

  @TempDir Path dir;

  @Test
  void sigtermEndsTheAgentWithExit0WithinSecondsAndReleasesTheLock() throws Exception {
    assertThat(Path.of("target/netroot.jar")).as("the jar built by mvn package").exists();
    TestBootServer server = new TestBootServer(dir);
    Process agent =
        new ProcessBuilder(
                "bin/agent",
                "run",
                "--specs",
                server.specs.toString(),
                "--root",
                server.root.toString(),
                "--http",
                "0",
                "--interval",
                "1h",
                "--log-format",
                "json")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.log").toFile())
            .start();
    try {
      Eventually.within(
          Duration.ofSeconds(30),
          () -> assertThat(server.file("/var/lib/netroot/status.json")).exists());
      agent.destroy();
      assertThat(agent.waitFor(5, TimeUnit.SECONDS)).as("stopped within 5 s").isTrue();
      assertThat(agent.exitValue()).isZero();
    } finally {
      agent.destroyForcibly();
    }
    try (WriterLock lock = WriterLock.acquire(new RootFs(server.root), Duration.ZERO)) {
      assertThat(lock).isNotNull();
    }
    assertThat(dir.resolve("agent.log"))
        .content()
        .contains("\"level\":\"INFO\"")
        .contains("pass 1 (start)")
        .contains("netroot agent stopping");
  }
}
