package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpdConfRendererTest {

  @Test
  void hostsAreWrittenInsideTheirNetworkInSpecOrder() {
    String body = new DhcpdConfRenderer(RenderFixtures.lab()).blockBody();
    String lab = body.substring(0, body.indexOf("# network cluster"));
    String cluster = body.substring(body.indexOf("# network cluster"));
    assertThat(lab).containsSubsequence("host devboard", "host scope1", "host testrig.lab");
    assertThat(lab).doesNotContain("node-");
    assertThat(cluster).containsSubsequence("host node-a", "host node-b");
    assertThat(cluster).doesNotContain("devboard");
  }

  @Test
  void optionalSettingsAreLeftOutWhenUnset() {
    String body = new DhcpdConfRenderer(RenderFixtures.lab()).blockBody();
    String cluster = body.substring(body.indexOf("# network cluster"));
    assertThat(cluster)
        .doesNotContain("range")
        .contains("  option routers 192.168.10.1, 192.168.10.2;\n")
        .contains("  option domain-name \"cluster.example.org\";\n");
  }

  @Test
  void narrowestNetworkGetsTheHost() {
    List<Network> networks =
        List.of(network("wide", "10.0.0.0/16"), network("narrow", "10.0.5.0/24"));
    SpecSet specs = specs(networks, List.of(host("a", 1, "10.0.5.7"), host("b", 2, "10.0.6.7")));
    String body = new DhcpdConfRenderer(specs).blockBody();
    String wide = body.substring(0, body.indexOf("# network narrow"));
    assertThat(wide).contains("host b ").doesNotContain("host a ");
    assertThat(body.substring(body.indexOf("# network narrow"))).contains("host a ");
  }

  @Test
  void hostOutsideEveryNetworkIsKeptAtTopLevel() {
    SpecSet specs =
        specs(List.of(network("lab", "10.0.0.0/24")), List.of(host("stray", 1, "10.9.9.9")));
    assertThat(new DhcpdConfRenderer(specs).blockBody())
        .endsWith(
            "}\n\n# hosts outside every network above\n"
                + "host stray {\n"
                + "  hardware ethernet 52:54:00:00:00:01;\n"
                + "  fixed-address 10.9.9.9;\n"
                + "  option host-name \"stray\";\n"
                + "}\n");
  }

  @Test
  void nameDhcpdCannotReadIsReplacedByOneFromTheMac() {
    SpecSet specs =
        specs(List.of(network("lab", "10.0.0.0/24")), List.of(host("_odd", 1, "10.0.0.9")));
    assertThat(new DhcpdConfRenderer(specs).blockBody())
        .contains("  # host _odd\n  host netroot-52-54-00-00-00-01 {\n");
  }

  @Test
  void dhcpdHostNames() {
    assertThat(DhcpdConfRenderer.isDhcpdHostName("devboard")).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("node-01")).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("01")).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a_b.c_d")).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("-a")).isTrue();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("_a")).isFalse();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a._b")).isFalse();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a..b")).isFalse();
    assertThat(DhcpdConfRenderer.isDhcpdHostName(".a")).isFalse();
    assertThat(DhcpdConfRenderer.isDhcpdHostName("a.")).isFalse();
  }

  @Test
  void fiftyThousandHostsOnManyNetworksRenderInOnePass() {
    List<Network> networks = new ArrayList<>();
    for (int n = 0; n < 250; n++) {
      networks.add(network("net" + n, "10." + (n / 200) + "." + (n % 200) + ".0/24"));
    }
    networks.add(network("wide", "10.200.0.0/16"));
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      int n = i % 250;
      hosts.add(host("h" + i, i, "10." + (n / 200) + "." + (n % 200) + "." + (1 + i / 250)));
    }
    SpecSet specs = specs(networks, hosts);

    String body = new DhcpdConfRenderer(specs).blockBody();

    assertThat(body.lines().filter(l -> l.startsWith("  host "))).hasSize(50_000);
    assertThat(body.lines().filter(l -> l.startsWith("subnet "))).hasSize(251);
    assertThat(body).doesNotContain("outside every network");

    PxelinuxConfigRenderer pxe = new PxelinuxConfigRenderer(specs);
    for (Host host : hosts) {
      assertThat(pxe.host(host)).hasSizeGreaterThan(100);
    }
  }

  private static Network network(String name, String cidr) {
    return new Network(
        name,
        Ipv4Cidr.parse(cidr),
        List.of(),
        List.of(),
        null,
        null,
        RenderFixtures.origin("n.yaml"));
  }

  private static Host host(String name, int number, String ip) {
    String mac =
        String.format(
            "52:54:00:%02x:%02x:%02x", (number >> 16) & 0xff, (number >> 8) & 0xff, number & 0xff);
    return new Host(
        name, MacAddress.parse(mac), Ipv4.parse(ip), "nfs-centos55", RenderFixtures.origin("h"));
  }

  private static SpecSet specs(List<Network> networks, List<Host> hosts) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        seed.server(),
        networks,
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        hosts);
  }

  @Test
  void onlyAHostNameANodeCanTakeIsSentAsOption12() {
    assertThat(DhcpdConfRenderer.isNodeName("node01")).isTrue();
    assertThat(DhcpdConfRenderer.isNodeName("node01.rack3.example")).isTrue();
    assertThat(DhcpdConfRenderer.isNodeName("a")).isTrue();
    for (String bad :
        new String[] {
          "", "-node", "node-", "node_1", "node..a", "node.", "x\"y", "x\\y", "a b", "a".repeat(64)
        }) {
      assertThat(DhcpdConfRenderer.isNodeName(bad)).as(bad).isFalse();
    }
  }
}
