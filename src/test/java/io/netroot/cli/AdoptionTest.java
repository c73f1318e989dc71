package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A boot server built by hand, as in the seed account: its dhcpd.conf declares the subnet and the
 * development board (as {@code mylaptop}, with the spec's MAC address) and its exports line exports
 * the root. The first apply takes those declarations into netroot's blocks instead of declaring
 * them a second time, and a declaration that clashes without being the same stops the file.
 */
class AdoptionTest {

  /** The seed's dhcpd.conf, written by hand from Cobbler's template. */
  static final String HAND_MADE_DHCPD =
      """
      ddns-update-style interim;
      allow booting;
      allow bootp;

      subnet 10.0.0.0 netmask 255.255.255.0 {
           option routers             10.0.0.138;
           option domain-name-servers 10.0.0.138;
           option subnet-mask         255.255.255.0;
           range dynamic-bootp        10.0.0.100 10.0.0.199;
           filename                   "/pxelinux.0";
           next-server                10.0.0.1;
      }

      # the development board
      host mylaptop {
           hardware ethernet 08:00:2b:4c:59:23;
           fixed-address 10.0.0.222;
      }
      """;

  static final String HAND_MADE_EXPORTS =
      "/storage/diskless/cent55_root      10.0.0.0/255.255.255.0(rw,sync,no_root_squash)\n"
          + "/home 10.0.0.0/24(ro)\n";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    write("/etc/dhcp/dhcpd.conf", HAND_MADE_DHCPD);
    write("/etc/exports", HAND_MADE_EXPORTS);
  }

  void write(String serverPath, String text) throws Exception {
    Path file = server.file(serverPath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
  }

  @Test
  void planShowsAnAdoptWithTheLinesThatMove() throws Exception {
    Map<String, String> before = server.snapshot();
    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "* adopt  /etc/dhcp/dhcpd.conf  DHCP subnets and hosts: adopts subnet 10.0.0.0/24"
                + " (lines 5-12), host mylaptop (lines 14-18) into netroot's block; adds netroot's"
                + " block to the existing file (a backup will be kept)")
        .contains(
            "* adopt  /etc/exports  NFS exports: adopts export /storage/diskless/cent55_root"
                + " (line 1) into netroot's block; adds netroot's block to the existing file")
        .contains("\n-host mylaptop {\n-     hardware ethernet 08:00:2b:4c:59:23;\n")
        .contains("\n-     option subnet-mask         255.255.255.0;\n")
        .contains("\n /home 10.0.0.0/24(ro)\n")
        .contains("; 2 to adopt from outside the block.");
    assertThat(server.snapshot()).isEqualTo(before);

    JsonNode json = new ObjectMapper().readTree(server.agent("plan", "--json").out());
    assertThat(json.get("summary").get("adopt").asInt()).isEqualTo(2);
    JsonNode dhcp = change(json, "block:/etc/dhcp/dhcpd.conf");
    assertThat(dhcp.get("action").asText()).isEqualTo("adopt");
    assertThat(dhcp.get("reason").asText()).startsWith("adopts subnet 10.0.0.0/24 (lines 5-12)");
    assertThat(dhcp.get("diff").asText()).contains("\n-host mylaptop {\n");
  }

  @Test
  void applyDeclaresEachOnceKeepsEverythingElseAndABackup() throws Exception {
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("; 2 adopted from outside the block.");

    String dhcpd = Files.readString(server.file("/etc/dhcp/dhcpd.conf"));
    assertThat(dhcpd)
        .startsWith("ddns-update-style interim;\nallow booting;\nallow bootp;\n\n# BEGIN netroot\n")
        .doesNotContain("mylaptop");
    assertThat(count(dhcpd, "hardware ethernet 08:00:2b:4c:59:23;")).isEqualTo(1);
    assertThat(count(dhcpd, "subnet 10.0.0.0 netmask 255.255.255.0")).isEqualTo(1);
    String exports = Files.readString(server.file("/etc/exports"));
    assertThat(count(exports, "/storage/diskless/cent55_root ")).isEqualTo(1);
    assertThat(exports).startsWith("/home 10.0.0.0/24(ro)\n# BEGIN netroot\n");

    // the hand-made files are kept as they were
    TestBootServer.Run backups = TestBootServer.run("backups", "--root", server.root.toString());
    assertThat(backups.out()).contains("/etc/dhcp/dhcpd.conf").contains("/etc/exports");

    TestBootServer.Run again = server.agent("plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("nothing to change");
  }

  @Test
  void aHostDeclaredByHandLaterIsAdoptedByTheNextPass() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path conf = server.file("/etc/dhcp/dhcpd.conf");
    String applied = Files.readString(conf);
    Files.writeString(conf, applied + "host devboard { hardware ethernet 00:11:22:33:44:55; }\n");
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("* adopt  /etc/dhcp/dhcpd.conf  DHCP subnets and hosts: adopts host devboard");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(conf).hasContent(applied.strip());
  }

  @Test
  void aClashNamesBothPlacesAndNothingOfTheFileIsWritten() throws Exception {
    String clash =
        HAND_MADE_DHCPD
            .replace("mylaptop", "printer")
            .replace("08:00:2b:4c:59:23", "00:11:22:33:44:55");
    write("/etc/dhcp/dhcpd.conf", clash);
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).isEqualTo(1);
    String hostsYaml = server.specs.resolve("hosts.yaml").toString();
    assertThat(plan.out())
        .contains(
            "/etc/dhcp/dhcpd.conf:17: host printer has fixed-address 10.0.0.222, the address of"
                + " Host \"devboard\" at "
                + hostsYaml
                + ":6:7");
    JsonNode json = new ObjectMapper().readTree(server.agent("plan", "--json").out());
    assertThat(json.get("failures").toString()).contains("dhcpd.conf:17: host printer");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(server.file("/etc/dhcp/dhcpd.conf")).hasContent(clash.strip());
    assertThat(apply.out()).doesNotContain("restart dhcpd");
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  static JsonNode change(JsonNode doc, String id) {
    for (JsonNode c : doc.get("changes")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no change " + id + " in " + doc);
  }
}
