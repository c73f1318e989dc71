package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Host;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and the domain name cannot add a host or a statement to dhcpd.conf. */
class DhcpdHostileValuesTest {

  @Test
  void aHostNameThatIsNotAnIdentifierIsNamedAfterItsMacWithTheNameInAComment() {
    String name = "x; } host evil { hardware ethernet 00:00:00:00:00:01; fixed-address 10.0.0.9;";
    String body = render(network("lab", null), HostileSpecs.host(name, "nfs-centos55"));

    assertThat(body)
        .contains("\n  # host " + name + "\n  host netroot-52-54-00-12-34-56 {\n")
        .doesNotContain("host evil {\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x\n}\nhost evil {", "x\rhost", "x\u2028y", "x\0y"})
  void aHostNameWithALineBreakIsRefused(String name) {
    assertThatThrownBy(() -> render(network("lab", null), HostileSpecs.host(name, "nfs-centos55")))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("Host ")
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("would end the comment");
  }

  @Test
  void aNetworkNameWithALineBreakIsRefused() {
    Host host = RenderFixtures.host("node1", "52:54:00:00:00:01", "10.0.0.5", "nfs-centos55");

    assertThatThrownBy(() -> render(network("lab\nsubnet 0.0.0.0 netmask 0.0.0.0 {", null), host))
        .hasMessageContaining("Network \"lab\\nsubnet 0.0.0.0 netmask 0.0.0.0 {\": metadata.name");
  }

  @Test
  void quotesAndBackslashesInTheDomainNameAreEscaped() {
    Host host = RenderFixtures.host("node1", "52:54:00:00:00:01", "10.0.0.5", "nfs-centos55");

    String body = render(network("lab", "lab\"; } host evil { #\\"), host);

    assertThat(body).contains("  option domain-name \"lab\\\"; } host evil { #\\\\\";\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab\nhost", "lab\tx", "lab\u0085"})
  void aDomainNameWithAControlCharacterIsRefused(String domain) {
    Host host = RenderFixtures.host("node1", "52:54:00:00:00:01", "10.0.0.5", "nfs-centos55");

    assertThatThrownBy(() -> render(network("lab", domain), host))
        .hasMessageContaining("spec.domainName");
  }

  @Test
  void aDomainNameLongerThanAnOptionIsRefused() {
    Host host = RenderFixtures.host("node1", "52:54:00:00:00:01", "10.0.0.5", "nfs-centos55");

    assertThatThrownBy(() -> render(network("lab", "a".repeat(256)), host))
        .hasMessageContaining("256 bytes long");
  }

  @Test
  void aHostNameLongerThanADnsNameGetsTheMacName() {
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a".repeat(253))).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a".repeat(254))).isFalse();
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

  private static String render(Network network, Host host) {
    SpecSet seed = RenderFixtures.seed();
    return new DhcpdConfRenderer(
            new SpecSet(
                seed.server(),
                List.of(network),
                seed.kernels(),
                seed.rootImages(),
                seed.exports(),
                seed.profiles(),
                List.of(host)))
        .blockBody();
  }
}
