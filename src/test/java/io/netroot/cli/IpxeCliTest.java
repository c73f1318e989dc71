package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loader: ipxe} through the command line under a root prefix: what plan and apply write
 * (iPXE in the TFTP root, the kernel and the host's script in the HTTP root, nginx's drop-in and
 * its reload), drift and backups of a hand edit of the drop-in and of a script, {@code --kind http}
 * and {@code --host}, the JSON report, and going back to pxelinux.
 */
class IpxeCliTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    for (String file : new String[] {"undionly.kpxe", "ipxe.efi"}) {
      Files.writeString(server.bootloader.resolve(file), "ipxe file " + file + "\n");
    }
    server.editSpec(
        "boot.yaml",
        yaml ->
            yaml.replace(
                    "efiModulesDir: " + server.bootloader + "}",
                    "efiModulesDir: "
                        + server.bootloader
                        + ", ipxeDir: "
                        + server.bootloader
                        + "}\n  http: {port: 8080, root: /srv/http}")
                .replace(
                    "  menuLabel: nfs-centos55\n", "  menuLabel: nfs-centos55\n  loader: ipxe\n"));
  }

  @Test
  void applyWritesTheIpxeFilesAndDriftFindsAHandEditOfTheDropIn() throws Exception {
    TestBootServer.Run plan = server.agent("plan", "--no-diff");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("+ create /var/lib/tftpboot/ipxe/undionly.kpxe  iPXE for BIOS PXE clients")
        .contains("+ create /var/lib/tftpboot/ipxe/ipxe.efi  iPXE for UEFI PXE clients")
        .contains("+ create /srv/http/images/linux-nfs1/vmlinuz-nfs1  kernel linux-nfs1")
        .contains("+ create /srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe  iPXE script of host devboard")
        .contains("+ create /srv/http/ipxe/boot.ipxe")
        .contains("+ create /etc/nginx/conf.d/netroot.conf  nginx drop-in serving the HTTP root")
        .contains("> would reload nginx  (changed: /etc/nginx/conf.d/netroot.conf)")
        .doesNotContain("pxelinux.cfg/01-08-00-2b-4c-59-23");
    assertThat(server.agent("apply").exit()).isZero();

    Path script = server.file("/srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe");
    assertThat(script)
        .content()
        .contains("kernel http://10.0.0.1:8080/images/linux-nfs1/vmlinuz-nfs1 ")
        .contains(" ip=::::::dhcp root=/dev/nfs nfsroot=10.0.0.1:/storage/diskless/cent55_root,")
        .contains(" text BOOTIF=01-08-00-2b-4c-59-23\nboot\n");
    assertThat(server.file("/srv/http/images/linux-nfs1/vmlinuz-nfs1"))
        .hasBinaryContent(new byte[] {0x4d, 0x5a, 0, 1, 2, 3});
    Path dropIn = server.file("/etc/nginx/conf.d/netroot.conf");
    String written = Files.readString(dropIn);
    assertThat(written).contains("    listen 8080;\n", "    root /srv/http;\n");
    assertThat(Files.readString(server.file("/etc/dhcp/dhcpd.conf")))
        .contains("filename \"http://10.0.0.1:8080/ipxe/01-08-00-2b-4c-59-23.ipxe\";");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();

    Files.writeString(dropIn, written.replace("autoindex off;", "autoindex on;"));
    Files.writeString(script, Files.readString(script) + "shell\n");
    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out())
        .contains("/etc/nginx/conf.d/netroot.conf")
        .contains("+    autoindex on;")
        .contains("/srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe")
        .contains("+shell");

    TestBootServer.Run onlyHttp = server.agent("plan", "--kind", "http", "--no-diff");
    assertThat(onlyHttp.out())
        .contains("/etc/nginx/conf.d/netroot.conf")
        .contains("01-08-00-2b-4c-59-23.ipxe")
        .doesNotContain("/etc/dhcp/dhcpd.conf");
    TestBootServer.Run json = server.agent("plan", "--json");
    assertThat(json.out()).contains("\"path\" : \"/etc/nginx/conf.d/netroot.conf\"");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(dropIn).hasContent(written.strip());
    assertThat(server.agent("backups").out())
        .contains("/etc/nginx/conf.d/netroot.conf")
        .contains("/srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe");
  }

  @Test
  void backToPxelinuxRemovesTheIpxeFilesAndWritesTheHostsPxelinuxFile() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    server.editSpec("boot.yaml", yaml -> yaml.replace("  loader: ipxe\n", ""));

    TestBootServer.Run apply = server.agent("apply", "--no-diff");

    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("- delete /srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe")
        .contains("- delete /etc/nginx/conf.d/netroot.conf")
        .contains("+ create /var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23");
    assertThat(server.file("/srv/http/ipxe/01-08-00-2b-4c-59-23.ipxe")).doesNotExist();
    assertThat(Files.readString(server.file("/etc/dhcp/dhcpd.conf"))).doesNotContain("iPXE");
  }
}
