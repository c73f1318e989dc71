package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Host;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any network name, host name and domain name, the dhcpd.conf block is either refused or read
 * back by dhcpd's lexing rules to exactly one subnet with exactly one host, named as the spec says
 * (or after its MAC), and the domain name the spec gave.
 */
class DhcpdInjectionProperties {

  enum Field {
    NETWORK_NAME,
    HOST_NAME,
    DOMAIN_NAME
  }

  @Property(tries = 1000)
  void dhcpdConfIsRefusedOrReadsBackExactly(@ForAll Field field, @ForAll("values") String value) {
    Statistics.label("outcome")
        .coverage(
            checker -> {
              checker.check("refused").percentage(p -> p > 10);
              checker.check("read back").percentage(p -> p > 10);
            });
    String networkName = field == Field.NETWORK_NAME ? value : "lab";
    String hostName = field == Field.HOST_NAME ? value : "node1";
    String domainName = field == Field.DOMAIN_NAME ? value : "lab.example.org";
    SpecSet specs = specs(networkName, hostName, domainName);
    String body;
    try {
      body = new DhcpdConfRenderer(specs).blockBody();
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("dhcpd.conf");
      return;
    }
    Statistics.label("outcome").collect("read back");

    DhcpdReader.Node file = DhcpdReader.read(ManagedBlock.HASH_COMMENTS.wrap(body));

    assertThat(file.children()).hasSize(2);
    assertThat(file.children().get(0).tokens()).startsWith("option", "arch", "code", "93");
    DhcpdReader.Node subnet = file.children().get(1);
    assertThat(subnet.block()).isTrue();
    assertThat(subnet.tokens()).startsWith("subnet");
    assertThat(subnet.children().stream().filter(n -> !n.block()).map(n -> n.tokens().get(0)))
        .containsExactly("range", "option", "option", "option", "next-server");
    assertThat(
            subnet.children().stream()
                .filter(
                    n -> n.tokens().equals(List.of("option", "domain-name", "\0" + domainName))))
        .hasSize(1);
    List<DhcpdReader.Node> hosts = file.hosts();
    assertThat(hosts).hasSize(1);
    DhcpdReader.Node host = hosts.get(0);
    String expectedName =
        DhcpdConfRenderer.isDhcpdHostName(hostName) ? hostName : "netroot-52-54-00-12-34-56";
    assertThat(host.name()).isEqualTo(expectedName);
    if (DhcpdConfRenderer.isNodeName(hostName)) {
      assertThat(host.children().stream().map(n -> n.tokens()).toList())
          .contains(List.of("option", "host-name", "\0" + hostName));
      assertThat(host.children().stream().map(n -> n.tokens().get(0)))
          .containsExactly("hardware", "fixed-address", "option");
    } else {
      assertThat(host.children().stream().map(n -> n.tokens().get(0)))
          .containsExactly("hardware", "fixed-address");
    }
  }

  private static SpecSet specs(String networkName, String hostName, String domainName) {
    Network network =
        new Network(
            networkName,
            Ipv4Cidr.parse("10.0.0.0/24"),
            List.of(RenderFixtures.ip("10.0.0.1")),
            List.of(RenderFixtures.ip("10.0.0.1")),
            new Network.Range(RenderFixtures.ip("10.0.0.100"), RenderFixtures.ip("10.0.0.199")),
            domainName,
            RenderFixtures.origin("networks.yaml"));
    Host host = HostileSpecs.host(hostName, "nfs-centos55");
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

  @Provide
  Arbitrary<String> values() {
    return HostileSpecs.values();
  }
}
