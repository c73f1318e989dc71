package io.netroot.os;

import static io.netroot.os.DhcpdCheckOutputTest.printed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * dnsmasq's own words, as {@code dnsmasq --test --conf-file=/tmp/t5.conf} (dnsmasq 2.90) printed
 * them, with the line they name.
 */
class DnsmasqCheckOutputTest {

  private static final String SHOWN = "<candidate dnsmasq drop-in>";

  @Test
  void theBadLineIsNamedAndQuoted() throws IOException {
    String candidate = "# managed by netroot\n".repeat(13) + "dhcp-option=tag:x,option:hostname\n";
    assertThat(
            DnsmasqCheckOutput.messages(
                printed("dnsmasq-test-bad-option.txt"), "/tmp/t5.conf", SHOWN, candidate))
        .containsExactly(
            "bad dhcp-option at line 14 of " + SHOWN,
            "  line 14: dhcp-option=tag:x,option:hostname");
  }

  @Test
  void anAcceptedFileSaysNothing() {
    assertThat(
            DnsmasqCheckOutput.messages(
                "dnsmasq: syntax check OK.\n", "/tmp/t5.conf", SHOWN, "port=0\n"))
        .isEmpty();
  }
}
