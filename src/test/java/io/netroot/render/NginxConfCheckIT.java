package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.os.ConfigChecker;
import io.netroot.os.NginxConfigChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code nginx -t} (Debian's nginx-light, installed by {@code bin/setup}, its service not
 * started) on every golden nginx drop-in, through netroot's own checker: a main configuration of
 * its own that includes the candidate in its {@code http} block. A broken drop-in is refused with
 * nginx's reason, the candidate's temporary name not shown.
 */
class NginxConfCheckIT {

  static Stream<Path> goldenFiles() throws Exception {
    try (Stream<Path> walk = Files.walk(Golden.DIR)) {
      return walk.filter(p -> p.toString().endsWith(".nginx.conf")).sorted().toList().stream();
    }
  }

  private static ConfigChecker nginx() {
    NginxConfigChecker checker = new NginxConfigChecker();
    if (!checker.available()) {
      fail("nginx not found: bin/setup installs it (Debian package nginx-light)");
    }
    return checker;
  }

  @Test
  void theLoadersExampleHasAGoldenDropIn() throws Exception {
    assertThat(goldenFiles()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void nginxAcceptsEveryGoldenDropIn(Path golden) throws Exception {
    ConfigChecker.Verdict verdict = nginx().check(Files.readAllBytes(golden), "");
    assertThat(verdict.refusal()).as("nginx -t on %s", golden).isEmpty();
  }

  @Test
  void nginxRefusesABrokenDropInWithItsReason() throws Exception {
    Path golden = goldenFiles().findFirst().orElseThrow();
    String broken = Files.readString(golden).replace("autoindex off;", "autoindex off");

    ConfigChecker.Verdict verdict = nginx().check(broken.getBytes(StandardCharsets.UTF_8), "");

    assertThat(verdict.refusal())
        .get()
        .asString()
        .contains("[emerg]")
        .contains("<candidate nginx drop-in>")
        .doesNotContain("netroot-nginx");
  }
}
