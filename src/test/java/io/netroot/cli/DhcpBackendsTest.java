package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kea and dnsmasq beside ISC dhcpd, through the command line under a root prefix: what each writes,
 * that {@code plan} says how the daemon hears of it, drift and backups as for dhcpd.conf, proxy
 * mode's refusals, and a switch of server, whose stop and start {@code plan} names in their order.
 */
class DhcpBackendsTest {

  static final String ISC_LINE = "  dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd}\n";

  /** An admin's kea-dhcp4.conf: their members, a comment, no subnet4 of their own. */
  static final String ADMINS_KEA =
      """
      // the admin's Kea settings
      {
      "Dhcp4": {
          "interfaces-config": { "interfaces": [ "*" ] },
          "lease-database": { "type": "memfile", "lfc-interval": 3600 },
          "valid-lifetime": 4000
      }
      }
      """;

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  private void dhcp(String line) {
    server.editSpec("boot.yaml", yaml -> yaml.replaceFirst("  dhcp: \\{[^\\n]*\\}\\n", line));
  }

  @Test
  void keaGetsItsBlockInsideTheAdminsDhcp4MapAndIsToldToReload() throws Exception {
    dhcp("  dhcp: {server: kea}\n");
    Path kea = server.file("/etc/kea/kea-dhcp4.conf");
    Files.createDirectories(kea.getParent());
    Files.writeString(kea, ADMINS_KEA);

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update /etc/kea/kea-dhcp4.conf  DHCP subnets and hosts (Kea)")
        .contains("adds netroot's block to the existing file")
        .contains("> would reload kea-dhcp4-server  (changed: /etc/kea/kea-dhcp4.conf)");
    assertThat(server.agent("apply").exit()).isZero();

    String written = Files.readString(kea);
    assertThat(written)
        .startsWith("// the admin's Kea settings\n{\n\"Dhcp4\": {\n# BEGIN netroot\n")
        .contains("\"next-server\": \"10.0.0.1\"")
        .endsWith(
            "# END netroot\n"
                + "    \"interfaces-config\": { \"interfaces\": [ \"*\" ] },\n"
                + "    \"lease-database\": { \"type\": \"memfile\", \"lfc-interval\": 3600 },\n"
                + "    \"valid-lifetime\": 4000\n}\n}\n");
    assertThat(server.agent("backups").out()).contains("/etc/kea/kea-dhcp4.conf");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();

    Files.writeString(kea, written.replace("\"hostname\": \"devboard\"", "\"hostname\": \"x\""));
    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out()).contains("/etc/kea/kea-dhcp4.conf").contains("\"hostname\": \"x\"");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(kea).hasContent(written.strip());
  }

  @Test
  void aCandidateKeaRejectsIsNotInstalledAndKeaIsNotReloaded() throws Exception {
    assumeTrue(CommandRunner.find("kea-dhcp4").isPresent(), "kea-dhcp4 is not installed");
    dhcp("  dhcp: {server: kea}\n");
    Path kea = server.file("/etc/kea/kea-dhcp4.conf");
    Files.createDirectories(kea.getParent());
    String admins = ADMINS_KEA.replace("\"*\"", "\"netroot-no-such-if0\"");
    Files.writeString(kea, admins);

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out())
        .contains(
            "! FAIL   /etc/kea/kea-dhcp4.conf  DHCP subnets and hosts (Kea): kea-dhcp4 -t rejects"
                + " the new /etc/kea/kea-dhcp4.conf; nothing installed:\n"
                + "Failed to select interface: interface 'netroot-no-such-if0' doesn't exist")
        .contains(
            "  line 52: \"interfaces-config\": { \"interfaces\": [ \"netroot-no-such-if0\" ] },")
        .doesNotContain("reload");
    assertThat(kea).hasContent(admins.strip());
  }

  @Test
  void dnsmasqOwnsItsDropInWholeAndIsRestarted() throws Exception {
    dhcp("  dhcp: {server: dnsmasq}\n");

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).isZero();
    assertThat(apply.out())
        .contains("+ create /etc/dnsmasq.d/netroot.conf  DHCP ranges and hosts (dnsmasq)")
        .contains("not touched under --root: would restart dnsmasq");
    assertThat(server.file("/etc/dnsmasq.d/netroot.conf"))
        .content()
        .contains("dhcp-range=set:netroot-lab,10.0.0.100,10.0.0.199,255.255.255.0\n")
        .contains("dhcp-host=08:00:2b:4c:59:23,10.0.0.222,devboard\n")
        .doesNotContain("enable-tftp")
        .doesNotContain("port=");
    assertThat(server.file("/etc/dhcp/dhcpd.conf")).doesNotExist();
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void proxyModeRefusesAnAddressNotReservedElsewhereAndThenWritesBootInformationOnly() {
    dhcp("  dhcp: {server: dnsmasq, mode: proxy}\n");
    server.editSpec(
        "boot.yaml",
        yaml ->
            yaml.replace("  routers: [10.0.0.138]\n  dnsServers: [10.0.0.138]\n", "")
                .replace("  dynamicRange: {start: 10.0.0.100, end: 10.0.0.199}\n", ""));

    TestBootServer.Run refused = server.agent("apply");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            server.specs.resolve("hosts.yaml") + ":6:7: Host \"devboard\": spec.ip 10.0.0.222")
        .contains("add ipReservedElsewhere: true");
    assertThat(server.snapshot()).containsOnlyKeys("");

    server.editSpec(
        "hosts.yaml",
        yaml ->
            yaml.replace("  ip: 10.0.0.222\n", "  ip: 10.0.0.222\n  ipReservedElsewhere: true\n"));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isZero();
    assertThat(apply.out()).contains("proxy DHCP boot information (dnsmasq)");
    assertThat(server.file("/etc/dnsmasq.d/netroot.conf"))
        .content()
        .contains("dhcp-range=set:netroot-lab,10.0.0.0,proxy,255.255.255.0\n")
        .contains("pxe-service=tag:netroot-lab,x86PC,\"netroot\",pxelinux.0,10.0.0.1\n")
        .doesNotContain("dhcp-host");
  }

  @Test
  void switchingFromIscToKeaStopsTheOldBeforeStartingTheNewAndRemovesTheOldBlock()
      throws Exception {
    dhcp("  dhcp: {}\n");
    assertThat(server.agent("apply").exit()).isZero();
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    Files.writeString(dhcpd, "authoritative;\n" + Files.readString(dhcpd));
    assertThat(server.agent("apply").exit()).isZero();

    dhcp("  dhcp: {server: kea}\n");
    TestBootServer.Run plan = server.agent("plan");

    assertThat(plan.out())
        .contains("+ create /etc/kea/kea-dhcp4.conf  DHCP subnets and hosts (Kea)")
        .contains("- delete /etc/dhcp/dhcpd.conf  netroot block no spec produces")
        .containsSubsequence(
            "> would stop and disable isc-dhcp-server  (changed: /etc/kea/kea-dhcp4.conf)",
            "> would enable and start kea-dhcp4-server",
            "> would reload kea-dhcp4-server");
    assertThat(plan.out()).doesNotContain("would restart isc-dhcp-server");

    TestBootServer.Run json = server.agent("plan", "--json");
    assertThat(json.out())
        .contains("\"action\" : \"disable_now\"")
        .contains("\"action\" : \"enable_now\"")
        .contains("\"action\" : \"reload\"");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isZero();
    assertThat(apply.out())
        .contains("not touched under --root: would stop and disable isc-dhcp-server");
    assertThat(dhcpd).hasContent("authoritative;");
    assertThat(server.file("/etc/kea/kea-dhcp4.conf")).content().contains("# BEGIN netroot");
    TestBootServer.Run after = server.agent("plan");
    assertThat(after.out()).contains("nothing to change").doesNotContain("isc-dhcp-server");
  }
}
