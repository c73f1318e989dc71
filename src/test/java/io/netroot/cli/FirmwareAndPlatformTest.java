package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BIOS and UEFI trees, firmware pinning, and the platform presets, through the real command. */
class FirmwareAndPlatformTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  @Test
  void aHostOnAutoGetsAConfigInBothTreesAndDhcpChoosesByOption93() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/var/lib/tftpboot/efi64/syslinux.efi")).exists();
    assertThat(server.file("/var/lib/tftpboot/efi64/ldlinux.e64")).exists();
    String bios =
        Files.readString(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23"));
    String uefi =
        Files.readString(server.file("/var/lib/tftpboot/efi64/pxelinux.cfg/01-08-00-2b-4c-59-23"));
    assertThat(uefi).isEqualTo(bios).contains("KERNEL ::/images/linux-nfs1/vmlinuz-nfs1");
    assertThat(server.file("/etc/dhcp/dhcpd.conf"))
        .content()
        .contains("option arch code 93 = unsigned integer 16;")
        .contains("if option arch = 00:07 or option arch = 00:09 {")
        .contains("filename \"efi64/syslinux.efi\";");
  }

  @Test
  void aHostPinnedToBiosGetsOnlyTheBiosFileAndItsOwnFilename() throws Exception {
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD + "  firmware: bios\n");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).exists();
    assertThat(server.file("/var/lib/tftpboot/efi64/pxelinux.cfg/01-08-00-2b-4c-59-23"))
        .doesNotExist();
    String dhcpd = Files.readString(server.file("/etc/dhcp/dhcpd.conf"));
    assertThat(dhcpd.substring(dhcpd.indexOf("host devboard")))
        .contains("filename \"pxelinux.0\";");
  }

  @Test
  void switchingAHostToUefiRemovesItsBiosFileAndAddsTheUefiOne() throws Exception {
    server.agent("apply");
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD + "  firmware: uefi\n");
    TestBootServer.Run plan = server.agent("plan", "--no-diff");
    assertThat(plan.out())
        .contains("- delete /var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")
        .contains("~ update /etc/dhcp/dhcpd.conf");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).doesNotExist();
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void theRootsOsReleaseChoosesThePlatformAndPlanSaysWhich() throws Exception {
    Files.createDirectories(server.file("/etc"));
    Files.writeString(
        server.file("/etc/os-release"),
        "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nPRETTY_NAME=\"Rocky Linux 9.4\"\n");
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace("  platform: debian\n", "")
                .replace("  tftpRoot: /var/lib/tftpboot\n", "")
                .replace("  dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd}\n", "")
                .replace("  nfs: {exportsFile: /etc/exports, service: nfs-server}\n", "")
                .replace("  tftp: {service: tftp}\n", ""));
    TestBootServer.Run plan = server.agent("plan", "--no-diff");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("platform: fedora (Rocky Linux 9.4, from /etc/os-release)")
        .contains("+ create /var/lib/tftpboot/pxelinux.0")
        .contains("would restart dhcpd")
        .contains("exportfs -ra (nfs-server)")
        .contains("+ create /etc/systemd/system/tftp.service.d/netroot.conf")
        .contains("would systemctl daemon-reload")
        .contains("would restart tftp.socket");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/etc/systemd/system/tftp.service.d/netroot.conf"))
        .content()
        .contains("ExecStart=\nExecStart=/usr/sbin/in.tftpd -s /var/lib/tftpboot\n");
  }

  @Test
  void theSpecsPlatformWinsOverOsRelease() throws Exception {
    Files.createDirectories(server.file("/etc"));
    Files.writeString(server.file("/etc/os-release"), "ID=fedora\n");
    server.editSpec("boot.yaml", boot -> boot.replace("  tftpRoot: /var/lib/tftpboot\n", ""));
    TestBootServer.Run plan = server.agent("plan", "--no-diff");
    assertThat(plan.out())
        .contains("platform: debian (set in the BootServer spec)")
        .contains("+ create /srv/tftp/pxelinux.0");
  }

  @Test
  void debianTftpdHpaIsPointedAtTheTftpRootAndItsOtherSettingsAreKept() throws Exception {
    Path defaults = server.file("/etc/default/tftpd-hpa");
    Files.createDirectories(defaults.getParent());
    Files.writeString(
        defaults,
        "# /etc/default/tftpd-hpa\nTFTP_USERNAME=\"tftp\"\nTFTP_DIRECTORY=\"/srv/tftp\"\n"
            + "TFTP_OPTIONS=\"--secure\"\n");
    TestBootServer.Run apply = server.agent("apply", "--no-diff");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(apply.out()).contains("would restart tftp  (changed: /etc/default/tftpd-hpa)");
    assertThat(defaults)
        .hasContent(
            "# /etc/default/tftpd-hpa\nTFTP_USERNAME=\"tftp\"\n"
                + "TFTP_DIRECTORY=\"/var/lib/tftpboot\"\nTFTP_OPTIONS=\"--secure\"");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }
}
