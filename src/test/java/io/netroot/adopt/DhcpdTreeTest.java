package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.adopt.DhcpdTree.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DhcpdTreeTest {

  @TempDir Path root;

  void write(String path, String text) throws Exception {
    Path file = root.resolve(path.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void includesAreReadInPlaceAndEachStatementKnowsItsFile() throws Exception {
    write(
        "/etc/dhcp/dhcpd.conf",
        "option domain-name \"lab\";\n"
            + "subnet 10.0.0.0 netmask 255.255.255.0 {\n"
            + "  include \"/etc/dhcp/hosts.conf\";\n"
            + "}\n");
    write("/etc/dhcp/hosts.conf", "# the boards\nhost a { hardware ethernet 0:1:2:3:4:5; }\n");
    DhcpdTree tree = DhcpdTree.read(new ServerFiles(root), "/etc/dhcp/dhcpd.conf");
    assertThat(tree.found()).isTrue();
    assertThat(tree.problems()).isEmpty();
    Node host = tree.blocks("host").get(0);
    assertThat(host.where()).isEqualTo("/etc/dhcp/hosts.conf:2");
    assertThat(host.parent().keyword()).isEqualTo("subnet");
    assertThat(host.enclosing("subnet")).isSameAs(tree.blocks("subnet").get(0));
    assertThat(DhcpScopes.mac(host).orElseThrow().text()).isEqualTo("00:01:02:03:04:05");
  }

  @Test
  void aMissingOrLoopingIncludeIsAProblemAndTheRestIsRead() throws Exception {
    write(
        "/etc/dhcp/dhcpd.conf",
        "include \"/etc/dhcp/missing.conf\";\ninclude \"/etc/dhcp/loop.conf\";\nhost b { }\n");
    write("/etc/dhcp/loop.conf", "include \"/etc/dhcp/loop.conf\";\n");
    DhcpdTree tree = DhcpdTree.read(new ServerFiles(root), "/etc/dhcp/dhcpd.conf");
    assertThat(tree.problems())
        .containsExactly(
            "/etc/dhcp/dhcpd.conf:1: /etc/dhcp/missing.conf does not exist",
            "/etc/dhcp/loop.conf:1: /etc/dhcp/loop.conf includes itself (through"
                + " /etc/dhcp/loop.conf)");
    assertThat(tree.blocks("host")).hasSize(1);
  }

  @Test
  void aFileThatDoesNotParseIsAProblemWithItsLine() throws Exception {
    write("/etc/dhcp/dhcpd.conf", "subnet 10.0.0.0 netmask 255.0.0.0 {\n");
    DhcpdTree tree = DhcpdTree.read(new ServerFiles(root), "/etc/dhcp/dhcpd.conf");
    assertThat(tree.found()).isFalse();
    assertThat(tree.problems().get(0)).startsWith("/etc/dhcp/dhcpd.conf:2: a block is not closed");
    assertThat(DhcpdTree.read(new ServerFiles(root), "/etc/none").found()).isFalse();
  }
}
