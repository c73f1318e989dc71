package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.os.ConfigChecker;
import io.netroot.os.KeaConfigChecker;
import io.netroot.spec.SpecSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Has the real Kea ({@code kea-dhcp4 -t}, through netroot's own checker) read every golden {@code
 * kea-dhcp4.conf}: each must be accepted without a warning. A broken one is refused with Kea's
 * words and the line.
 */
class KeaConfigCheckIT {

  static Stream<Path> goldenFiles() throws Exception {
    try (Stream<Path> walk = Files.walk(Golden.DIR)) {
      return walk.filter(p -> p.toString().endsWith(".kea-dhcp4.conf")).sorted().toList().stream();
    }
  }

  private static ConfigChecker kea() {
    KeaConfigChecker checker = new KeaConfigChecker();
    if (!checker.available()) {
      fail("kea-dhcp4 not found: apt-get install kea-dhcp4-server");
    }
    return checker;
  }

  @Test
  void everyExampleHasAGoldenFile() throws Exception {
    assertThat(goldenFiles()).hasSize(9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void keaAcceptsEveryGoldenFileWithoutAWarning(Path golden) throws Exception {
    ConfigChecker.Verdict verdict = kea().check(Files.readAllBytes(golden), "");
    assertThat(verdict.refusal()).as("kea-dhcp4 -t on %s", golden).isEmpty();
    assertThat(verdict.warnings()).as("kea-dhcp4 -t on %s", golden).isEmpty();
  }

  @Test
  void keaAcceptsAwkwardNamesPinnedHostsAndAHostOutsideEveryNetwork() {
    SpecSet awkward =
        RenderFixtures.seedWithAwkwardHosts(
            "_odd", "a._b", "01", "node-01", "a.b.example", "subnet");
    String file = DhcpBackendGoldenTest.keaFile(awkward);
    ConfigChecker.Verdict verdict = kea().check(file.getBytes(StandardCharsets.UTF_8), "");
    assertThat(verdict.refusal()).as("kea-dhcp4 -t on%n%s", file).isEmpty();
  }

  @Test
  void aBrokenFileIsRefusedWithKeasWordsAndTheLine() {
    String file =
        DhcpBackendGoldenTest.keaFile(RenderFixtures.seed())
            .replace("\"next-server\": \"10.0.0.1\",", "\"next-server\": \"10.0.0.1\"");
    ConfigChecker.Verdict verdict = kea().check(file.getBytes(StandardCharsets.UTF_8), "");
    assertThat(verdict.refusal())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("<candidate kea-dhcp4.conf>:")
                    .contains("syntax error")
                    .contains("  line ")
                    .doesNotContain("INFO"));
  }
}
