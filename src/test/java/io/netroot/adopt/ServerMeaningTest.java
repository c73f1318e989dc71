package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers written differently mean the same when they boot the same. */
class ServerMeaningTest {

  @TempDir Path dir;

  static final String HAND_MADE =
      """
      subnet 10.0.0.0 netmask 255.255.255.0 {
           option routers 10.0.0.138;
           range dynamic-bootp 10.0.0.100 10.0.0.199;
           filename "/pxelinux.0";
           next-server 10.0.0.1;
      }
      host mylaptop { hardware ethernet 08:00:2B:4C:59:23; fixed-address 10.0.0.222; }
      """;

  /** What netroot writes for the same, with the host's own pxelinux file. */
  static final String NETROOT =
      """
      # BEGIN netroot
      option arch code 93 = unsigned integer 16;
      subnet 10.0.0.0 netmask 255.255.255.0 {
        range dynamic-bootp 10.0.0.100 10.0.0.199;
        option routers 10.0.0.138;
        next-server 10.0.0.1;
        if option arch = 00:07 or option arch = 00:09 {
          filename "pxelinux.0";
        } else {
          filename "pxelinux.0";
        }
        host devboard {
          hardware ethernet 08:00:2b:4c:59:23;
          fixed-address 10.0.0.222;
        }
      }
      # END netroot
      """;

  Path server(String name, String dhcpd, String menu, String exports) throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("etc/dhcp"));
    Files.createDirectories(root.resolve("var/lib/tftpboot/pxelinux.cfg"));
    Files.createDirectories(root.resolve("var/lib/tftpboot/images/k"));
    Files.writeString(root.resolve("etc/dhcp/dhcpd.conf"), dhcpd);
    Files.writeString(root.resolve("var/lib/tftpboot/pxelinux.cfg/default"), menu);
    Files.writeString(root.resolve("var/lib/tftpboot/images/k/vmlinuz"), "MZ 1");
    Files.writeString(root.resolve("etc/exports"), exports);
    return root;
  }

  ServerMeaning meaning(Path root) {
    ServerFiles files = new ServerFiles(root);
    return ServerMeaning.read(files, ServerLocations.find(files, null, null));
  }

  @Test
  void differentSpellingsOfTheSameServerMeanTheSame() throws Exception {
    Path a =
        server(
            "a",
            HAND_MADE,
            "DEFAULT nfs\nPROMPT 0\nLABEL nfs\n kernel /images/k/vmlinuz\n append root=/dev/nfs text\n ipappend 2\n",
            "/srv/root 10.0.0.0/24(rw,no_root_squash,sync)\n");
    Path b =
        server(
            "b",
            NETROOT,
            "UI menu.c32\nTIMEOUT 0\nLABEL nfs\n  KERNEL ::/images/k/vmlinuz\n  APPEND text root=/dev/nfs\n  IPAPPEND 2\n",
            "# BEGIN netroot\n/srv/root/ 10.0.0.0/24(sync,rw,no_root_squash)\n# END netroot\n");
    // the host's own file boots at once what the hand-made menu boots at once
    Files.writeString(
        b.resolve("var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23"),
        "DEFAULT nfs\nPROMPT 0\nLABEL nfs\n  KERNEL ::/images/k/vmlinuz\n  APPEND root=/dev/nfs text\n  IPAPPEND 2\n");
    List<ServerMeaning.Difference> differences = ServerMeaning.differences(meaning(a), meaning(b));
    // only the menu differs: the hand-made one boots nfs at once, netroot's waits
    assertThat(differences)
        .extracting(ServerMeaning.Difference::key)
        .containsExactlyInAnyOrder(
            "menu pxelinux.cfg/default unattended",
            "subnet 10.0.0.0/24 boots bios",
            "subnet 10.0.0.0/24 boots uefi");
    assertThat(meaning(a).objects().get("host 08:00:2b:4c:59:23"))
        .containsEntry("filename bios", "pxelinux.0")
        .containsEntry("ip", "10.0.0.222")
        .containsEntry("host-name", "(not set)");
  }

  @Test
  void aChangedKernelOrArgumentIsADifference() throws Exception {
    String menu = "DEFAULT nfs\nLABEL nfs\n kernel /images/k/vmlinuz\n append root=/dev/nfs\n";
    Path a = server("a", HAND_MADE, menu, "");
    Path b = server("b", HAND_MADE, menu.replace("root=/dev/nfs", "root=/dev/nfs ro"), "");
    Files.writeString(a.resolve("var/lib/tftpboot/images/k/vmlinuz"), "MZ 2");
    List<ServerMeaning.Difference> differences = ServerMeaning.differences(meaning(a), meaning(b));
    assertThat(differences)
        .extracting(ServerMeaning.Difference::key)
        .contains("host 08:00:2b:4c:59:23 boots bios", "menu pxelinux.cfg/default label nfs");
    assertThat(differences.get(0).toString()).contains(" -> ");
  }
}
