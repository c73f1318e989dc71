package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the real ISC dhcpd: a candidate dhcpd.conf its parser rejects is never installed. */
class DhcpdValidationIT {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void requireDhcpd() {
    if (CommandRunner.find("dhcpd").isEmpty()) {
      fail("dhcpd not found: install it with apt-get install isc-dhcp-server (bin/setup does)");
    }
    server = new TestBootServer(dir);
  }

  @Test
  void appliedDhcpdConfIsAcceptedByDhcpd() {
    assertThat(server.agent("apply").exit()).isZero();
    CommandRunner.Result result =
        new CommandRunner(30)
            .run(
                List.of(
                    CommandRunner.find("dhcpd").orElseThrow().toString(),
                    "-4",
                    "-q",
                    "-t",
                    "-cf",
                    server.file("/etc/dhcp/dhcpd.conf").toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void aCandidateDhcpdRejectsIsNotInstalledAndTheDaemonIsNotRestarted() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path conf = server.file("/etc/dhcp/dhcpd.conf");
    // A hand-written line outside the block that dhcpd cannot parse: netroot keeps it (it is not
    // netroot's), so the whole candidate fails dhcpd -t and must not be installed.
    String broken = "option domain-name-servers 10.0.0.999;\n" + Files.readString(conf);
    Files.writeString(conf, broken);
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("dhcpd -t -cf rejects the new /etc/dhcp/dhcpd.conf")
        // dhcpd's own reason, with the line it quotes
        .containsPattern("<candidate dhcpd.conf> line 1: .*\\n.*10\\.0\\.0\\.999");
    TestBootServer.Run json = server.agent("plan", "--json");
    assertThat(json.out()).contains("<candidate dhcpd.conf> line 1: ");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out()).contains("nothing installed").doesNotContain("restart dhcpd");
    assertThat(conf).hasContent(broken.strip());
  }

  @Test
  void theSeedsHandMadeServerIsAdoptedIntoAFileDhcpdAcceptsWithEachHostOnce() throws Exception {
    Path conf = server.file("/etc/dhcp/dhcpd.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, AdoptionTest.HAND_MADE_DHCPD);
    // As it was, dhcpd -t rejects the file with netroot's block beside the hand-made subnet
    // (every lease of the range declared twice); adopted, it accepts it.
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(apply.out()).contains("* adopt  /etc/dhcp/dhcpd.conf");
    String applied = Files.readString(conf);
    assertThat(AdoptionTest.count(applied, "hardware ethernet 08:00:2b:4c:59:23;")).isEqualTo(1);
    assertThat(AdoptionTest.count(applied, "subnet 10.0.0.0 netmask")).isEqualTo(1);
    CommandRunner.Result result =
        new CommandRunner(30)
            .run(
                List.of(
                    CommandRunner.find("dhcpd").orElseThrow().toString(),
                    "-4",
                    "-t",
                    "-cf",
                    conf.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void aHandMadeSubnetOverlappingTheSpecsNetworkIsRefusedAndOtherWarningsAreShown()
      throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path conf = server.file("/etc/dhcp/dhcpd.conf");
    String managed = Files.readString(conf);
    // Two of the admin's own subnets that overlap each other: dhcpd warns, netroot shows it.
    Files.writeString(
        conf,
        managed
            + "subnet 192.168.7.0 netmask 255.255.255.0 {\n}\n"
            + "subnet 192.168.7.0 netmask 255.255.255.128 {\n}\n");
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));
    TestBootServer.Run warned = server.agent("plan");
    assertThat(warned.exit()).as(warned.out()).isZero();
    assertThat(warned.out())
        .contains(
            "warning: /etc/dhcp/dhcpd.conf: dhcpd -t -cf warns: subnet 192.168.7.0/25 overlaps"
                + " subnet 192.168.7.0/24");

    // The spec's own network declared again in a file the admin includes, where netroot adopts
    // nothing: dhcpd's overlap warning is refused, nothing installed.
    Path extra = server.file("/etc/dhcp/lab-extra.conf");
    Files.writeString(extra, "subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n");
    String clash = managed + "include \"" + extra + "\";\n";
    Files.writeString(conf, clash);
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(1);
    assertThat(plan.out())
        .contains("dhcpd warns: subnet 10.0.0.0/24 overlaps subnet 10.0.0.0/24")
        .contains("overlaps a network of the specs");
    assertThat(server.agent("apply").exit()).isEqualTo(1);
    assertThat(conf).hasContent(clash.strip());
  }
}
