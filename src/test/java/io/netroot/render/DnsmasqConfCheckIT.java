package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.os.ConfigChecker;
import io.netroot.os.DnsmasqConfigChecker;
import io.netroot.spec.BootServer.DhcpMode;
import io.netroot.spec.SpecSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Has the real dnsmasq ({@code dnsmasq --test --conf-file}, through netroot's own checker) read
 * every golden drop-in, full and proxy: each must be accepted. A broken one is refused with
 * dnsmasq's words and the line.
 */
class DnsmasqConfCheckIT {

  static Stream<Path> goldenFiles() throws Exception {
    try (Stream<Path> walk = Files.walk(Golden.DIR)) {
      return walk
          .filter(p -> p.getFileName().toString().matches(".*\\.dnsmasq(-proxy)?\\.conf"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static ConfigChecker dnsmasq() {
    DnsmasqConfigChecker checker = new DnsmasqConfigChecker();
    if (!checker.available()) {
      fail("dnsmasq not found: apt-get install dnsmasq-base");
    }
    return checker;
  }

  @Test
  void everyExampleHasItsGoldenFilesInBothModes() throws Exception {
    assertThat(goldenFiles()).hasSize(18);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void dnsmasqAcceptsEveryGoldenFile(Path golden) throws Exception {
    ConfigChecker.Verdict verdict = dnsmasq().check(Files.readAllBytes(golden), "");
    assertThat(verdict.refusal()).as("dnsmasq --test on %s", golden).isEmpty();
    assertThat(verdict.warnings()).as("dnsmasq --test on %s", golden).isEmpty();
  }

  @Test
  void dnsmasqAcceptsAwkwardNamesPinnedHostsAndAHostOutsideEveryNetwork() {
    SpecSet awkward =
        RenderFixtures.seedWithAwkwardHosts(
            "_odd", "a._b", "01", "node-01", "a.b.example", "123.45");
    for (DhcpMode mode : DhcpMode.values()) {
      String file = DhcpBackendGoldenTest.dnsmasqFile(awkward, mode);
      ConfigChecker.Verdict verdict = dnsmasq().check(file.getBytes(StandardCharsets.UTF_8), "");
      assertThat(verdict.refusal()).as("dnsmasq --test on%n%s", file).isEmpty();
    }
  }

  @Test
  void aBrokenFileIsRefusedWithDnsmasqsWordsAndTheLine() {
    String file =
        DhcpBackendGoldenTest.dnsmasqFile(RenderFixtures.seed(), DhcpMode.FULL)
            .replace("option:client-arch,7", "option:no-such-option,7");
    ConfigChecker.Verdict verdict = dnsmasq().check(file.getBytes(StandardCharsets.UTF_8), "");
    assertThat(verdict.refusal())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("at line 4 of <candidate dnsmasq drop-in>")
                    .contains("  line 4: dhcp-match=set:netroot-efi64,option:no-such-option,7"));
  }
}
