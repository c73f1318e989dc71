package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** systemd's own check of the shipped unit ({@code bin/setup} installs systemd for it). */
class SystemdUnitIT {

  @Test
  void systemdAnalyzeVerifiesTheUnit() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
      fail("systemd-analyze not found: apt-get install systemd (bin/setup does)");
    }
    CommandRunner.Result result =
        new CommandRunner(60)
            .run(List.of("systemd-analyze", "verify", SystemdUnitTest.UNIT.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).doesNotContain("Unknown key").doesNotContain("Failed to parse");
  }
}
