package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.BackupLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSettingsSpecTest {

  @TempDir Path dir;

  private void seedWithAgent(String agentYaml) {
    String seed = resource("seed.yaml");
    write(dir, "seed.yaml", seed.replaceFirst("  tftp: \\{service: tftp}\n", "$0" + agentYaml));
  }

  @Test
  void backupLimitsAreReadFromTheAgentSection() {
    seedWithAgent("  agent:\n    backups: {keep: 5, maxAge: 30d}\n");
    BootServer.Agent agent = SpecLoader.load(dir).server().agent();
    assertThat(agent.backups()).isEqualTo(new BootServer.Backups(5, Duration.ofDays(30)));
    assertThat(BackupLimits.of(agent.backups()))
        .isEqualTo(new BackupLimits(5, Duration.ofDays(30)));
  }

  @Test
  void anUnsetLimitTakesItsDefault() {
    seedWithAgent("  agent:\n    backups: {keep: 3}\n");
    assertThat(BackupLimits.of(SpecLoader.load(dir).server().agent().backups()))
        .isEqualTo(new BackupLimits(3, Duration.ofDays(90)));
    assertThat(BackupLimits.of(null)).isEqualTo(new BackupLimits(20, Duration.ofDays(90)));
  }

  @Test
  void keepingNoCopyAndAZeroAgeAreReportedWithPositions() {
    seedWithAgent("  agent:\n    backups: {keep: 0, maxAge: 0d, kep: 2}\n");
    assertThat(errors(dir))
        .extracting(SpecError::toString)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("seed.yaml:11:")
                    .contains("spec.agent.backups.keep 0 keeps no copy"))
        .anySatisfy(e -> assertThat(e).contains("spec.agent.backups.maxAge must be longer than 0"))
        .anySatisfy(e -> assertThat(e).contains("did you mean"));
  }
}
