package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.spec.Host;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Has the real ISC dhcpd check ({@code dhcpd -t -cf FILE}) a dhcpd.conf rendered from hostile names
 * and domain names the renderer accepts, and reads it back to exactly the subnets, hosts and domain
 * names given: a written attack, and a few hundred generated values in one file.
 */
class DhcpdHostileValuesIT {

  @TempDir Path dir;

  @Test
  void dhcpdAcceptsWrittenAttacksAndTheyAddNoHost() throws Exception {
    List<String> names =
        List.of(
            "x; } host evil { hardware ethernet 00:00:00:00:00:01; fixed-address 10.0.0.9; } #",
            "\"quoted\" {braces} #hash \\back",
            "node-01",
            "é");
    List<String> domains =
        List.of(
            "lab\"; } host evil { hardware ethernet 00:00:00:00:00:02; } option x \"",
            "back\\slash\\\" #not a comment",
            "plain.example.org",
            "ünïcode");
    checkAndReadBack(names, domains);
  }

  @Test
  void dhcpdAcceptsEveryGeneratedValueTheRendererAccepts() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    HostileSpecs.values()
        .sampleStream()
        .limit(4000)
        .forEach(
            value -> {
              if (names.size() < 400 && accepted(value, "lab.example.org") && seen.add(value)) {
                names.add(value);
              }
              if (domains.size() < 400 && accepted("node", value)) {
                domains.add(value);
              }
            });
    int count = Math.min(names.size(), domains.size());
    assertThat(count).isGreaterThan(100);
    checkAndReadBack(names.subList(0, count), domains.subList(0, count));
  }

  private void checkAndReadBack(List<String> names, List<String> domains) throws Exception {
    List<Network> networks = new ArrayList<>();
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      networks.add(network(i, "net" + i, domains.get(i)));
      hosts.add(host(i, names.get(i)));
    }
    String body = new DhcpdConfRenderer(specs(networks, hosts)).blockBody();
    String file = ManagedBlock.HASH_COMMENTS.wrap(body);

    String output = dhcpdCheck(file);

    DhcpdReader.Node read = DhcpdReader.read(file);
    List<DhcpdReader.Node> readHosts = read.hosts();
    assertThat(readHosts).hasSize(hosts.size());
    for (int i = 0; i < hosts.size(); i++) {
      String name = hosts.get(i).name();
      String expected =
          DhcpdConfRenderer.isDhcpdHostName(name)
              ? name
              : "netroot-" + hosts.get(i).mac().text().replace(':', '-');
      assertThat(readHosts.get(i).name()).as(output).isEqualTo(expected);
    }
    List<String> readDomains = new ArrayList<>();
    for (DhcpdReader.Node subnet : read.children()) {
      for (DhcpdReader.Node statement : subnet.children()) {
        List<String> tokens = statement.tokens();
        if (tokens.size() == 3 && tokens.get(1).equals("domain-name")) {
          readDomains.add(tokens.get(2).substring(1));
        }
      }
    }
    assertThat(readDomains).isEqualTo(domains);
  }

  private static boolean accepted(String hostName, String domain) {
    try {
      new DhcpdConfRenderer(specs(List.of(network(0, "n", domain)), List.of(host(0, hostName))))
          .blockBody();
      return true;
    } catch (UnsafeValueException e) {
      return false;
    }
  }

  private static Network network(int i, String name, String domain) {
    return new Network(
        name,
        Ipv4Cidr.parse("10." + (i / 250) + "." + (i % 250) + ".0/24"),
        List.of(),
        List.of(),
        null,
        domain,
        RenderFixtures.origin("networks.yaml"));
  }

  private static Host host(int i, String name) {
    return new Host(
        name,
        MacAddress.parse(String.format("52:54:00:00:%02x:%02x", i >> 8, i & 0xff)),
        RenderFixtures.ip("10." + (i / 250) + "." + (i % 250) + ".5"),
        "nfs-centos55",
        RenderFixtures.origin("hosts.yaml"));
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

  /** Runs {@code dhcpd -t -cf} on the text; fails the test when dhcpd rejects it. */
  private String dhcpdCheck(String text) throws Exception {
    Path dhcpd = Path.of("/usr/sbin/dhcpd");
    if (!Files.isExecutable(dhcpd)) {
      fail("dhcpd not found: apt-get install isc-dhcp-server");
    }
    Path config = Files.createTempFile(dir, "dhcpd", ".conf");
    Files.writeString(config, text, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(dhcpd.toString(), "-t", "-cf", config.toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("dhcpd -t did not finish within 60 seconds");
    }
    assertThat(process.exitValue())
        .as("dhcpd -t rejected the file:%n%s%n--- file ---%n%s", output, text)
        .isZero();
    return output;
  }
}
