package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.BootServer.DhcpMode;
import io.netroot.spec.BootServer.DhcpServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dhcp.server} and {@code dhcp.mode}: which DHCP server netroot configures, and what proxy
 * mode (boot information only, beside a DHCP server netroot does not manage) asks of the hosts and
 * networks. Every refusal points at its field.
 */
class DhcpServerSpecTest {

  private static final String SEED_DHCP =
      "  dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd}\n";
  private static final String SEED_ROUTING =
      "  routers: [10.0.0.138]\n"
          + "  dnsServers: [10.0.0.138]\n"
          + "  dynamicRange: {start: 10.0.0.100, end: 10.0.0.199}\n";

  @TempDir Path dir;

  /** The seed with its BootServer's dhcp line replaced by {@code dhcp} (line 7). */
  private void seed(String dhcp, boolean networkOptions, String hostLines) {
    String seed = resource("seed.yaml").replace(SEED_DHCP, dhcp);
    if (!networkOptions) {
      seed = seed.replace(SEED_ROUTING, "");
    }
    write(dir, "seed.yaml", seed.replace("  ip: 10.0.0.222\n", hostLines));
  }

  private List<String> messages() {
    return errors(dir).stream().map(SpecError::toString).toList();
  }

  @Test
  void iscInFullModeIsTheDefault() {
    seed("", true, "  ip: 10.0.0.222\n");
    BootServer.Dhcp dhcp = SpecLoader.load(dir).server().dhcp();
    assertThat(dhcp.server()).isEqualTo(DhcpServer.ISC);
    assertThat(dhcp.mode()).isEqualTo(DhcpMode.FULL);
    assertThat(dhcp.config()).isNull();
  }

  @Test
  void keaAndDnsmasqAreChosenByName() {
    seed("  dhcp: {server: kea, config: /etc/kea/kea-dhcp4.conf}\n", true, "  ip: 10.0.0.222\n");
    assertThat(SpecLoader.load(dir).server().dhcp())
        .isEqualTo(new BootServer.Dhcp("/etc/kea/kea-dhcp4.conf", null, DhcpServer.KEA, null));
    seed("  dhcp: {server: dnsmasq, mode: proxy}\n", false, "");
    BootServer.Dhcp dhcp = SpecLoader.load(dir).server().dhcp();
    assertThat(dhcp.server()).isEqualTo(DhcpServer.DNSMASQ);
    assertThat(dhcp.proxy()).isTrue();
  }

  @Test
  void anUnknownServerIsRefusedWithTheKnownOnes() {
    seed("  dhcp: {server: dhcpd}\n", true, "  ip: 10.0.0.222\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("seed.yaml") + ":7:18: ")
                    .contains("spec.dhcp.server \"dhcpd\" is not one of isc, kea, dnsmasq"));
  }

  @Test
  void proxyModeNeedsDnsmasq() {
    seed("  dhcp: {mode: proxy}\n", false, "");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("seed.yaml") + ":7:16: ")
                    .contains("spec.dhcp.mode \"proxy\" needs server: dnsmasq")
                    .contains("ISC dhcpd (the default server) has no proxy DHCP"));
    seed("  dhcp: {server: kea, mode: proxy}\n", false, "");
    assertThat(messages())
        .singleElement()
        .satisfies(e -> assertThat(e).contains(":7:29: ").contains("Kea has no proxy DHCP"));
  }

  @Test
  void dnsmasqsOwnFileIsNotNetrootsToOwn() {
    seed("  dhcp: {server: dnsmasq, config: /etc/dnsmasq.conf}\n", true, "  ip: 10.0.0.222\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .contains(":7:35: ")
                    .contains("/etc/dnsmasq.conf is dnsmasq's own file")
                    .contains("/etc/dnsmasq.d/netroot.conf"));
  }

  @Test
  void aHostAddressInProxyModeMustBeReservedElsewhere() {
    seed("  dhcp: {server: dnsmasq, mode: proxy}\n", false, "  ip: 10.0.0.222\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("seed.yaml") + ":53:7: ")
                    .contains("Host \"devboard\": spec.ip 10.0.0.222")
                    .contains("netroot's DHCP server gives no addresses (dhcp.mode proxy at ")
                    .contains("add ipReservedElsewhere: true, or remove spec.ip"));

    seed(
        "  dhcp: {server: dnsmasq, mode: proxy}\n",
        false,
        "  ip: 10.0.0.222\n  ipReservedElsewhere: true\n");
    Host host = SpecLoader.load(dir).hosts().get(0);
    assertThat(host.ip()).hasToString("10.0.0.222");
    assertThat(host.ipReservedElsewhere()).isTrue();
  }

  @Test
  void aHostWithoutAnAddressIsFineInProxyModeAndNotMatchedAgainstExportAddresses() {
    seed("  dhcp: {server: dnsmasq, mode: proxy}\n", false, "");
    SpecSet specs = SpecLoader.load(dir);
    assertThat(specs.hosts().get(0).ip()).isNull();
    assertThat(specs.networkOf(specs.hosts().get(0))).isNull();
  }

  @Test
  void fullModeNeedsEveryHostsAddressAndNoReservationElsewhere() {
    seed("", true, "");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .contains("Host \"devboard\": spec.ip is required")
                    .contains("(dhcp.mode full, the default, of BootServer at "));
    seed("", true, "  ip: 10.0.0.222\n  ipReservedElsewhere: true\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("seed.yaml") + ":56:24: ")
                    .contains("spec.ipReservedElsewhere is for dhcp.mode proxy"));
  }

  @Test
  void proxyModeSendsNoNetworkOptionsSoTheSpecsMayNotAskForThem() {
    seed("  dhcp: {server: dnsmasq, mode: proxy}\n", true, "");
    assertThat(messages())
        .hasSize(3)
        .anySatisfy(
            e -> assertThat(e).contains(":16:12: ").contains("Network \"lab\": spec.routers"))
        .anySatisfy(e -> assertThat(e).contains(":17:15: ").contains("spec.dnsServers"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(":18:17: ")
                    .contains(
                        "spec.dynamicRange: netroot's DHCP server gives only boot information")
                    .contains("remove dynamicRange here"));
  }
}
