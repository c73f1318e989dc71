package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLocationsTest {

  @TempDir Path root;

  @Test
  void theTftpRootIsTftpdHpasElseTheDirectoryThatIsThere() throws Exception {
    ServerFiles files = new ServerFiles(root);
    assertThat(ServerLocations.find(files, null, null).tftpRoot()).isEqualTo("/var/lib/tftpboot");
    Files.createDirectories(root.resolve("srv/tftp"));
    assertThat(ServerLocations.find(files, null, null).tftpRoot()).isEqualTo("/srv/tftp");
    Files.createDirectories(root.resolve("etc/default"));
    Files.writeString(
        root.resolve("etc/default/tftpd-hpa"),
        "TFTP_USERNAME=\"tftp\"\nTFTP_DIRECTORY=\"/tftp/\"\n");
    ServerLocations found = ServerLocations.find(files, null, null);
    assertThat(found.tftpRoot()).isEqualTo("/tftp");
    assertThat(found.tftpRootFrom()).isEqualTo("TFTP_DIRECTORY in /etc/default/tftpd-hpa");
    assertThat(ServerLocations.find(files, null, "/given").tftpRoot()).isEqualTo("/given");
  }

  @Test
  void dhcpdConfIsUnderEtcDhcpOrWhereOlderSystemsKeepIt() throws Exception {
    ServerFiles files = new ServerFiles(root);
    assertThat(ServerLocations.find(files, null, null).dhcpdConf())
        .isEqualTo("/etc/dhcp/dhcpd.conf");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/dhcpd.conf"), "\n");
    assertThat(ServerLocations.find(files, null, null).dhcpdConf()).isEqualTo("/etc/dhcpd.conf");
    assertThat(ServerLocations.find(files, "/opt/d.conf", null).dhcpdConf())
        .isEqualTo("/opt/d.conf");
  }

  @Test
  void theExportsFilesAreEtcExportsThenTheDropIns() throws Exception {
    Files.createDirectories(root.resolve("etc/exports.d"));
    Files.writeString(root.resolve("etc/exports"), "\n");
    Files.writeString(root.resolve("etc/exports.d/b.exports"), "\n");
    Files.writeString(root.resolve("etc/exports.d/a.exports"), "\n");
    Files.writeString(root.resolve("etc/exports.d/c.conf"), "\n");
    assertThat(ServerLocations.exportsFiles(new ServerFiles(root)))
        .containsExactly("/etc/exports", "/etc/exports.d/a.exports", "/etc/exports.d/b.exports");
  }
}
