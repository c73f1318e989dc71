package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dhcpd's own words, as {@code dhcpd -4 -t -cf /tmp/t1.conf} printed them (in the resources next to
 * this class), cut to what a person needs.
 */
class DhcpdCheckOutputTest {

  static String printed(String name) throws IOException {
    try (InputStream in = DhcpdCheckOutputTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aMessageRepeatedForEveryLeaseOfARangeIsShownOnceWithItsCount() throws IOException {
    String shown =
        DhcpdCheckOutput.summarize(
            printed("dhcpd-t-declared-twice.txt"), "/tmp/t1.conf", "<candidate dhcpd.conf>", 1);

    assertThat(shown)
        .isEqualTo(
            """
            Warning: subnet 10.0.0.0/24 overlaps subnet 10.0.0.0/24
            <candidate dhcpd.conf> line 5: lease 10.0.0.100 is declared twice!
              range 10.0.0.100 10.0.0.110;
                                          ^
            (the same for 10 more)""");
  }

  @Test
  void bannerAndIscsAdviceAreLeftOutAndEachErrorKeepsItsQuotedLine() throws IOException {
    String shown =
        DhcpdCheckOutput.summarize(
            printed("dhcpd-t-semicolon.txt"), "/tmp/t2.conf", "<candidate dhcpd.conf>", 1);

    assertThat(shown)
        .isEqualTo(
            """
            <candidate dhcpd.conf> line 3: semicolon expected.
            }
             ^
            <candidate dhcpd.conf> line 3: unexpected end of file
            }
             ^""");
  }

  @Test
  void manyDifferentMessagesAreCountedPastTheFirstFew() {
    StringBuilder output = new StringBuilder();
    for (String word : new String[] {"a", "b", "c", "d", "e", "f", "g"}) {
      output.append("f line 1: unknown option ").append(word).append("\nx\n ^\n");
    }
    String shown = DhcpdCheckOutput.summarize(output.toString(), "f", "f", 1);

    assertThat(shown.lines().filter(l -> l.startsWith("f line"))).hasSize(5);
    assertThat(shown).endsWith("(and 2 other messages)");
  }

  @Test
  void silenceIsSaidWithTheExitCode() {
    assertThat(DhcpdCheckOutput.summarize("\n", "f", "f", 1))
        .isEqualTo("dhcpd printed no reason (exit code 1)");
  }

  @Test
  void anOverlapWithASubnetOfNetrootsBlockIsARefusalAndOtherWarningsAreKept() throws IOException {
    List<String> warnings = DhcpdCheckOutput.warnings(printed("dhcpd-t-declared-twice.txt"));
    assertThat(warnings).containsExactly("subnet 10.0.0.0/24 overlaps subnet 10.0.0.0/24");

    String own = "# BEGIN netroot\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n}\n# END netroot\n";
    assertThat(DhcpdCheckOutput.overlapWithOwn(warnings, own))
        .hasValueSatisfying(
            refusal ->
                assertThat(refusal)
                    .startsWith("dhcpd warns: subnet 10.0.0.0/24 overlaps subnet 10.0.0.0/24")
                    .contains("overlaps a network of the specs"));

    String other = "subnet 10.1.0.0 netmask 255.255.0.0 {\n}\n";
    assertThat(DhcpdCheckOutput.overlapWithOwn(warnings, other)).isEmpty();
  }
}
