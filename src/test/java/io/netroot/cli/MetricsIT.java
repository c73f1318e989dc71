package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netroot.os.CommandRunner;
import io.netroot.os.ServiceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live {@code /metrics} of {@code agent run} passes Prometheus' own {@code promtool} check. */
class MetricsIT {

  @TempDir Path dir;

  @Test
  void promtoolAcceptsTheLiveMetrics() throws Exception {
    Path promtool =
        CommandRunner.find("promtool")
            .orElseGet(
                () -> fail("promtool not found: bin/setup installs it (package prometheus)"));
    TestBootServer server = new TestBootServer(dir);
    try (AgentRunHarness harness = new AgentRunHarness(server)) {
      harness.start(harness.settings(ServiceBackend.none()), true);
      String body = harness.get("/metrics").body();
      assertThat(body).contains("netroot_passes_total").contains("process_cpu_seconds_total");
      Path file = dir.resolve("metrics.txt");
      Files.writeString(file, body);
      CommandRunner.Result check =
          new CommandRunner(30)
              .run(List.of("sh", "-c", "'" + promtool + "' check metrics < '" + file + "'"));
      assertThat(check.exitCode()).as(check.output()).isZero();
    }
  }
}
