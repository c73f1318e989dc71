package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.spec.BootServer.DhcpMode;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names, MACs and the domain name cannot add a member to Kea's JSON nor a directive or a field to
 * dnsmasq's file: what fits the format is written as data, the rest is refused with its place.
 */
class KeaAndDnsmasqHostileValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"lab,set:evil", "lab\ndhcp-range=0.0.0.0,proxy", "lab x", "lab#"})
  void aNetworkNameThatIsNotAWordIsRefusedByBoth(String name) {
    SpecSet specs = specs(network(name, null), host("node1", "52:54:00:00:00:01"));
    assertThatThrownBy(() -> dnsmasq(specs, DhcpMode.FULL))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("dnsmasq drop-in");
    assertThatThrownBy(() -> dnsmasq(specs, DhcpMode.PROXY))
        .isInstanceOf(UnsafeValueException.class);
    assertThatThrownBy(() -> kea(specs))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("kea-dhcp4.conf");
  }

  @ParameterizedTest
  @ValueSource(strings = {"node1,10.0.0.9,evil", "node1\ndhcp-host=x", "node\"1"})
  void aHostNameThatIsNotAWordIsRefused(String name) {
    SpecSet specs = specs(network("lab", null), host(name, "52:54:00:00:00:01"));
    assertThatThrownBy(() -> dnsmasq(specs, DhcpMode.FULL))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("Host ");
    assertThatThrownBy(() -> kea(specs)).isInstanceOf(UnsafeValueException.class);
  }

  @Test
  void aNameThatIsNoHostNameIsNotSentButKeptInAComment() {
    SpecSet specs = specs(network("lab", null), host("node_1", "52:54:00:00:00:01"));
    assertThat(dnsmasq(specs, DhcpMode.FULL))
        .contains("# host node_1\ndhcp-host=52:54:00:00:00:01,10.0.0.5\n");
    JsonNode reservation = subnets(specs).get(0).get("reservations").get(0);
    assertThat(reservation.has("hostname")).isFalse();
    assertThat(reservation.get("comment").asText()).isEqualTo("host node_1");
  }

  @Test
  void aMacThatIsNotSixHexPairsIsRefused() {
    Host host =
        new Host(
            "node1",
            new MacAddress("52:54:00:00:00:01,10.0.0.9"),
            RenderFixtures.host("x", "52:54:00:00:00:01", "10.0.0.5", "nfs-centos55").ip(),
            "nfs-centos55",
            RenderFixtures.origin("hosts.yaml"));
    SpecSet specs = specs(network("lab", null), host);
    assertThatThrownBy(() -> dnsmasq(specs, DhcpMode.FULL)).hasMessageContaining("spec.mac");
    assertThatThrownBy(() -> kea(specs)).hasMessageContaining("six hex pairs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab,example", "lab\"x", "lab\\x", "lab\nx", "lab example"})
  void aDomainNameWithSyntaxOfEitherFileIsRefused(String domain) {
    SpecSet specs = specs(network("lab", domain), host("node1", "52:54:00:00:00:01"));
    assertThatThrownBy(() -> dnsmasq(specs, DhcpMode.FULL))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.domainName");
    assertThatThrownBy(() -> kea(specs)).hasMessageContaining("spec.domainName");
  }

  @Test
  void aDomainOfDigitsAndDotsIsQuotedForDnsmasqSoItIsNotReadAsAnAddress() {
    SpecSet specs = specs(network("lab", "10.0.0.9"), host("node1", "52:54:00:00:00:01"));
    assertThat(dnsmasq(specs, DhcpMode.FULL))
        .contains("dhcp-option=tag:netroot-lab,option:domain-name,\"10.0.0.9\"\n");
  }

  @Test
  void keasBlockIsJsonMembersEachFollowedByAComma() throws Exception {
    SpecSet specs = specs(network("lab", "lab.example"), host("node1", "52:54:00:00:00:01"));
    String body = kea(specs);
    assertThat(body).endsWith("],\n");
    JsonNode members = JSON.readTree("{" + withoutComments(body).replaceAll(",\\s*$", "") + "}");
    assertThat(members.fieldNames()).toIterable().containsExactly("client-classes", "subnet4");
    JsonNode subnet = members.get("subnet4").get(0);
    assertThat(subnet.get("id").asLong()).isEqualTo(167772160L);
    assertThat(subnet.get("next-server").asText()).isEqualTo("10.0.0.1");
    assertThat(subnet.get("option-data").get(0).get("data").asText()).isEqualTo("lab.example");
  }

  private static String withoutComments(String text) {
    return text.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
  }

  private static JsonNode subnets(SpecSet specs) {
    try {
      return JSON.readTree("{" + withoutComments(kea(specs)).replaceAll(",\\s*$", "") + "}")
          .get("subnet4");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Network network(String name, String domain) {
    return new Network(
        name,
        Ipv4Cidr.parse("10.0.0.0/24"),
        List.of(),
        List.of(),
        null,
        domain,
        RenderFixtures.origin("networks.yaml"));
  }

  private static Host host(String name, String mac) {
    return RenderFixtures.host(name, mac, "10.0.0.5", "nfs-centos55");
  }

  private static SpecSet specs(Network network, Host host) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        seed.server(),
        List.of(network),
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        List.of(host));
  }

  private static String kea(SpecSet specs) {
    return new KeaConfigRenderer(DhcpBackendGoldenTest.with(specs, DhcpServer.KEA, null))
        .blockBody();
  }

  private static String dnsmasq(SpecSet specs, DhcpMode mode) {
    return DhcpBackendGoldenTest.dnsmasqFile(specs, mode);
  }
}
