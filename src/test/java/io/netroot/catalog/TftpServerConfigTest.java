package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.os.RootFs;
import io.netroot.render.UnsafeValueException;
import io.netroot.spec.BootServer;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFTP root reaches the daemons' settings quoted, or not at all. */
class TftpServerConfigTest {

  @TempDir Path rootDir;

  @Test
  void debianDefaultsHoldTheRootEscapedForTheShellAndReadItBack() throws Exception {
    String root = "/srv/$(reboot)`id`";
    IniKeys keys =
        (IniKeys) TftpServerConfig.resources(layout(Platform.DEBIAN, root), server(root)).get(0);
    Path file = rootDir.resolve("etc/default/tftpd-hpa");
    Files.createDirectories(file.getParent());
    Files.writeString(file, keys.edit("# /etc/default/tftpd-hpa\nTFTP_DIRECTORY=\"/srv/tftp\"\n"));

    assertThat(Files.readString(file))
        .isEqualTo("# /etc/default/tftpd-hpa\nTFTP_DIRECTORY=\"/srv/\\$(reboot)\\`id\\`\"\n");
    assertThat(keys.observe(new RootFs(rootDir)).orElseThrow().asText())
        .isEqualTo(keys.desired().asText());
  }

  @Test
  void fedoraDropInHoldsTheRootAsOneSystemdWord() {
    String root = "/srv/%h $x";
    Resource dropIn =
        TftpServerConfig.resources(layout(Platform.FEDORA, root), server(root)).get(0);

    assertThat(new String(dropIn.desired().bytes(), StandardCharsets.UTF_8))
        .endsWith("ExecStart=\nExecStart=/usr/sbin/in.tftpd -s \"/srv/%%h $$x\"\n");
  }

  @Test
  void aRootThatWouldAddASettingOrACommandIsRefusedWhileCompiling() {
    for (String root :
        List.of("/srv/tftp\"\nTFTP_OPTIONS=\"--create --permissive", "/srv/x\nExecStartPre=/x")) {
      for (Platform platform : List.of(Platform.DEBIAN, Platform.FEDORA)) {
        assertThatThrownBy(() -> TftpServerConfig.resources(layout(platform, root), server(root)))
            .isInstanceOf(UnsafeValueException.class)
            .hasMessageContaining("spec.tftpRoot");
      }
    }
  }

  private static BootServer server(String root) {
    return new BootServer(
        "bootsrv",
        Ipv4.parse("10.0.0.1"),
        null,
        root,
        new BootServer.Dhcp(null, null),
        new BootServer.Nfs(null, null),
        new BootServer.Tftp(null),
        new BootServer.Bootloader(null, null, List.of()),
        new BootServer.Pxe(50, "local", "netroot"),
        Origin.synthetic("server.yaml"));
  }

  private static ServerLayout layout(Platform platform, String tftpRoot) {
    Path none = Path.of("/nonexistent");
    return new ServerLayout(
        "test",
        platform,
        tftpRoot,
        "/etc/dhcp/dhcpd.conf",
        "dhcpd",
        "/etc/exports",
        "nfs-server",
        platform == Platform.FEDORA ? "tftp.socket" : "tftpd-hpa",
        none,
        none,
        List.of(),
        none,
        none,
        List.of(),
        "/etc/nfs.conf",
        io.netroot.catalog.BackupLimits.DEFAULT);
  }
}
