package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.DriftPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSpecTest {

  @TempDir Path dir;

  private void seedWithAgent(String agentYaml) {
    String seed = resource("seed.yaml");
    write(dir, "seed.yaml", seed.replaceFirst("  tftp: \\{service: tftp}\n", "$0" + agentYaml));
  }

  @Test
  void agentSettingsAreReadWithTheirDurations() {
    seedWithAgent(
        """
          agent:
            interval: 30s
            splay: 0s
            onDrift: report
            http: 9779
            retry: {base: 500ms, cap: 1h30m}
            git: {url: /srv/specs.git, branch: main, interval: 1m}
        """);
    BootServer.Agent agent = SpecLoader.load(dir).server().agent();
    assertThat(agent)
        .isEqualTo(
            new BootServer.Agent(
                Duration.ofSeconds(30),
                Duration.ZERO,
                DriftPolicy.REPORT,
                9779,
                new BootServer.Retry(Duration.ofMillis(500), Duration.ofMinutes(90)),
                new BootServer.Git("/srv/specs.git", "main", Duration.ofMinutes(1))));
  }

  @Test
  void withoutAnAgentSectionEverythingIsUnset() {
    write(dir, "seed.yaml", resource("seed.yaml"));
    assertThat(SpecLoader.load(dir).server().agent()).isEqualTo(BootServer.Agent.UNSET);
  }

  @Test
  void aBadDurationATypoAndABadPolicyAreReportedWithPositions() {
    seedWithAgent(
        """
          agent:
            interval: 5 minutes
            onDrift: ignore
            retyr: {base: 1s}
            git: {branch: main}
        """);
    assertThat(errors(dir))
        .extracting(SpecError::toString)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("seed.yaml:11:15: ")
                    .contains("spec.agent.interval")
                    .contains("is not a duration"))
        .anySatisfy(e -> assertThat(e).contains("seed.yaml:12:").contains("revert, report"))
        .anySatisfy(e -> assertThat(e).contains("seed.yaml:13:").contains("did you mean"))
        .anySatisfy(e -> assertThat(e).contains("spec.agent.git.url is required"));
  }

  @Test
  void durationsParseAndFormat() {
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("e.g. 30s");
  }
}
