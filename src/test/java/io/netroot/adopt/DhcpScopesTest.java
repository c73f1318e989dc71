package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DhcpScopesTest {

  @TempDir Path root;

  DhcpScopes scopes(String conf) throws Exception {
    Files.createDirectories(root.resolve("etc/dhcp"));
    Files.writeString(root.resolve("etc/dhcp/dhcpd.conf"), conf);
    return new DhcpScopes(DhcpdTree.read(new ServerFiles(root), "/etc/dhcp/dhcpd.conf"));
  }

  static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:01");
  static final DhcpClient BIOS = new DhcpClient(MAC, Ipv4.parse("10.0.0.5"), DhcpClient.BIOS);
  static final DhcpClient UEFI = new DhcpClient(MAC, Ipv4.parse("10.0.0.5"), DhcpClient.UEFI);

  @Test
  void theHostWinsOverItsGroupTheClassesTheSubnetAndTheTop() throws Exception {
    DhcpScopes s =
        scopes(
            "filename \"top\";\noption routers 10.0.0.9;\nnext-server 10.0.0.2;\n"
                + "class \"pxe\" { match if substring (option vendor-class-identifier, 0, 9) ="
                + " \"PXEClient\"; filename \"class\"; }\n"
                + "subnet 10.0.0.0 netmask 255.255.255.0 { next-server 10.0.0.1; filename"
                + " \"subnet\"; }\n"
                + "group { option routers 10.0.0.7;\n"
                + "  host a { hardware ethernet 52:54:00:12:34:01; fixed-address 10.0.0.5; } }\n");
    Node host = s.hosts().get(0);
    Node subnet = s.subnetOf(Ipv4.parse("10.0.0.5"));
    assertThat(s.setting(BIOS, host, subnet, "filename").value()).isEqualTo("class");
    assertThat(s.setting(BIOS, host, subnet, "option routers").values())
        .containsExactly("10.0.0.7");
    assertThat(s.setting(BIOS, host, subnet, "next-server").value()).isEqualTo("10.0.0.1");
    assertThat(s.setting(BIOS, host, subnet, "option domain-name").state()).isEqualTo(State.UNSET);
    assertThat(s.setting(BIOS, null, subnet, "option routers").values())
        .containsExactly("10.0.0.9");
  }

  @Test
  void conditionsAreEvaluatedForEachFirmware() throws Exception {
    // as netroot writes it, and as Cobbler and Warewulf do
    DhcpScopes s =
        scopes(
            "option arch code 93 = unsigned integer 16;\n"
                + "subnet 10.0.0.0 netmask 255.255.255.0 {\n"
                + "  if option arch = 00:07 or option arch = 00:09 { filename \"efi\"; }"
                + " else { filename \"bios\"; }\n"
                + "}\n"
                + "subnet 10.0.1.0 netmask 255.255.255.0 {\n"
                + "  if exists user-class and option user-class = \"iPXE\" { filename \"ipxe\"; }\n"
                + "  elsif substring(hardware,0,1) = 20 { filename \"ib\"; }\n"
                + "  else if not (option arch = 00:00) { filename \"uefi\"; }\n"
                + "  else { filename \"pxe\"; }\n"
                + "}\n"
                + "subnet 10.0.2.0 netmask 255.255.255.0 {\n"
                + "  if option vendor-class-identifier ~~ \"^PXE\" { filename \"x\"; }\n"
                + "}\n");
    List<Node> subnets = s.subnets();
    DhcpClient anyBios = new DhcpClient(null, null, DhcpClient.BIOS);
    DhcpClient anyUefi = new DhcpClient(null, null, DhcpClient.UEFI);
    assertThat(s.setting(anyBios, null, subnets.get(0), "filename").value()).isEqualTo("bios");
    assertThat(s.setting(anyUefi, null, subnets.get(0), "filename").value()).isEqualTo("efi");
    assertThat(s.setting(anyBios, null, subnets.get(1), "filename").value()).isEqualTo("pxe");
    assertThat(s.setting(UEFI, null, subnets.get(1), "filename").value()).isEqualTo("uefi");
    // a regular expression is not evaluated: what the client gets cannot be told
    DhcpScopes.Setting unknown = s.setting(anyBios, null, subnets.get(2), "filename");
    assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
    assertThat(unknown.at().where()).isEqualTo("/etc/dhcp/dhcpd.conf:12");
  }

  @Test
  void conditionsThatDoNotParseOrAskTheUnknownAreUnknown() {
    DhcpClient c = BIOS;
    Set<String> arch = Set.of("arch");
    assertThat(eval("option arch = 00:00", c, arch)).isEqualTo(Truth.TRUE);
    assertThat(eval("option arch = 00:00 and known", c, arch)).isEqualTo(Truth.UNKNOWN);
    assertThat(eval("option arch = 00:07 and known", c, arch)).isEqualTo(Truth.FALSE);
    assertThat(eval("option arch = 00:00 or known", c, arch)).isEqualTo(Truth.TRUE);
    assertThat(eval("option arch = (", c, arch)).isEqualTo(Truth.UNKNOWN);
    assertThat(eval("substring(hardware, 1, 6) = 52:54:00:12:34:01", c, arch))
        .isEqualTo(Truth.TRUE);
    assertThat(eval("option user-class = \"iPXE\"", c, arch)).isEqualTo(Truth.FALSE);
    assertThat(eval("option host-name = \"x\"", c, arch)).isEqualTo(Truth.UNKNOWN);
  }

  static Truth eval(String condition, DhcpClient client, Set<String> arch) {
    DhcpdConf conf = DhcpdConf.parse("if " + condition + " { }\n");
    return DhcpCondition.evaluate(conf.statements().get(0).words(), 1, client, arch);
  }
}
