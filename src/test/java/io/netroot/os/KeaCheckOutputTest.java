package io.netroot.os;

import static io.netroot.os.DhcpdCheckOutputTest.printed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Kea's own words, as {@code kea-dhcp4 -t /tmp/tN.conf} (Kea 2.2) printed them (in the resources
 * next to this class), cut to what a person needs: the verdict with the line it names, no log
 * banner.
 */
class KeaCheckOutputTest {

  private static final String SHOWN = "<candidate kea-dhcp4.conf>";

  /** A candidate whose line N reads {@code "member N": N,}. */
  private static String candidate(int lines) {
    return IntStream.rangeClosed(1, lines)
        .mapToObj(n -> "    \"member " + n + "\": " + n + ",")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aSecondSubnet4IsShownWithBothPlacesItsLineAndWhatToDo() throws IOException {
    String shown =
        KeaCheckOutput.summarize(
            printed("kea-t-duplicate-subnet4.txt"), "/tmp/t1.conf", SHOWN, candidate(300), 1);
    assertThat(shown)
        .isEqualTo(
            SHOWN
                + ":285:5: duplicate subnet4 entries in Dhcp4 map (previous at "
                + SHOWN
                + ":30:5)\n"
                + "  line 285: \"member 285\": 285,\n"
                + "netroot's block declares subnet4 and client-classes: remove the file's own"
                + " (Debian's sample kea-dhcp4.conf has both), and describe its subnets in the"
                + " specs");
  }

  @Test
  void theLogBannerIsLeftOutAndAnErrorIsShownOnce() throws IOException {
    String shown =
        KeaCheckOutput.summarize(
            printed("kea-t-pool-outside-subnet.txt"), "/tmp/t2.conf", SHOWN, candidate(20), 1);
    assertThat(shown)
        .isEqualTo(
            "subnet configuration failed: a pool of type V4, with the following address range:"
                + " 10.78.0.100-10.78.0.199 does not match the prefix of a subnet: 10.77.0.0/24 to"
                + " which it is being added ("
                + SHOWN
                + ":11:14)\n"
                + "  line 11: \"member 11\": 11,");
    assertThat(shown).doesNotContain("INFO").doesNotContain("HOSTS_BACKENDS_REGISTERED");
  }

  @Test
  void aSyntaxErrorNamesLineAndColumnsAsKeaDoes() throws IOException {
    String shown =
        KeaCheckOutput.summarize(
            printed("kea-t-syntax.txt"), "/tmp/t3.conf", SHOWN, candidate(20), 1);
    assertThat(shown)
        .isEqualTo(
            SHOWN
                + ":15.3-9: syntax error, unexpected pools, expecting \",\" or }\n"
                + "  line 15: \"member 15\": 15,");
  }

  @Test
  void warningsOfAnAcceptedFileAreTheirTextEachOnce() throws IOException {
    assertThat(
            KeaCheckOutput.warnings(printed("kea-t-extraneous-comma.txt"), "/tmp/t4.conf", SHOWN))
        .containsExactly(
            "configuration syntax warning: "
                + SHOWN
                + ":4.100: Extraneous comma. A piece of configuration may have been omitted.",
            "configuration syntax warning: "
                + SHOWN
                + ":4.103: Extraneous comma. A piece of configuration may have been omitted.",
            "configuration syntax warning: "
                + SHOWN
                + ":4.106: Extraneous comma. A piece of configuration may have been omitted.");
  }

  @Test
  void silenceIsReportedWithTheExitCodeAndLongLinesAreCut() {
    assertThat(KeaCheckOutput.summarize("", "/tmp/x.conf", SHOWN, "", 134))
        .isEqualTo("kea-dhcp4 printed no reason (exit code 134)");
    assertThat(KeaCheckOutput.quotedLine("x".repeat(200), 1).orElseThrow())
        .isEqualTo("  line 1: " + "x".repeat(120) + "…");
    assertThat(KeaCheckOutput.quotedLine("a\n", 2)).isEmpty();
  }
}
