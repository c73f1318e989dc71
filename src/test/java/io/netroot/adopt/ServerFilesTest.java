package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerFilesTest {

  @TempDir Path dir;

  Path root() throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("etc/dhcp"));
    Files.writeString(root.resolve("etc/dhcp/dhcpd.conf"), "ddns-update-style none;\n");
    Files.writeString(dir.resolve("secret"), "outside the root\n");
    return root;
  }

  @Test
  void readsAFileAndSaysWhereItIs() throws Exception {
    ServerFiles files = new ServerFiles(root());
    ServerFiles.Read read = files.read("/etc/dhcp/dhcpd.conf").orElseThrow();
    assertThat(read.text()).isEqualTo("ddns-update-style none;\n");
    assertThat(read.resolved()).isEqualTo("/etc/dhcp/dhcpd.conf");
    assertThat(files.read("/etc/missing")).isEmpty();
    assertThat(files.read("/etc/dhcp")).isEmpty();
    assertThat(files.list("/etc/dhcp")).containsExactly("dhcpd.conf");
  }

  @Test
  void linksAreResolvedInsideTheRootAsAChrootWould() throws Exception {
    Path root = root();
    // an absolute link means the server's /, not this machine's
    Files.createSymbolicLink(root.resolve("etc/dhcpd.conf"), Path.of("/etc/dhcp/dhcpd.conf"));
    // climbing above the root stops at it
    Files.createSymbolicLink(root.resolve("etc/up"), Path.of("../../../../secret"));
    // a directory on the way
    Files.createSymbolicLink(root.resolve("dhcp"), Path.of("etc/dhcp"));
    ServerFiles files = new ServerFiles(root);
    assertThat(files.read("/etc/dhcpd.conf").orElseThrow().resolved())
        .isEqualTo("/etc/dhcp/dhcpd.conf");
    assertThat(files.resolve("/etc/up")).isEqualTo("/secret");
    assertThat(files.read("/etc/up")).isEmpty();
    assertThat(files.read("/dhcp/dhcpd.conf").orElseThrow().text()).startsWith("ddns");
  }

  @Test
  void aLinkLoopIsAnErrorNotAHang() throws Exception {
    Path root = root();
    Files.createSymbolicLink(root.resolve("a"), Path.of("/b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));
    ServerFiles files = new ServerFiles(root);
    assertThatThrownBy(() -> files.read("/a"))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("symbolic links");
  }
}
