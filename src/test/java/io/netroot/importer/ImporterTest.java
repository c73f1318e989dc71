package io.netroot.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.importer.ImportReport.Section;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping, on a small server whose files hold what the specs cannot take. */
class ImporterTest {

  @TempDir Path dir;

  static final String DHCPD =
      """
      subnet 10.0.0.0 netmask 255.255.255.0 {
        range dynamic-bootp 10.0.0.100 10.0.0.199;
        option routers 10.0.0.138;
        filename "pxelinux.0";
        next-server 10.0.0.1;
      }
      subnet 10.9.0.0 netmask 255.255.255.0 {
        option domain-name "lab\\"{x} # y";
        filename "pxelinux.0";
        next-server 10.0.0.1;
      }
      host na\u00efve { hardware ethernet 52:54:00:00:00:01; fixed-address 10.0.0.11; }
      host plain { hardware ethernet 52:54:00:00:00:02; fixed-address 10.0.0.12; }
      host odd { hardware ethernet 52:54:00:00:00:03; fixed-address 10.0.0.13; }
      host lost { hardware ethernet 52:54:00:00:00:04; }
      """;

  static final String MENU =
      """
      DEFAULT good
      PROMPT 0
      MENU TITLE Lab # {menu}: "quoted"
      LABEL good
        KERNEL k/vmlinuz-6.1
        INITRD k/initrd.img-6.1
        MENU LABEL %s
        APPEND ip=dhcp boot=nfs nfsroot=10.0.0.1:/srv/root,tcp,vers=3 quiet
        IPAPPEND 2
      LABEL bad
        KERNEL k/vmlinuz-6.1
        INITRD k/initrd.img-6.1
        APPEND ip=dhcp boot=nfs nfsroot=10.0.0.1:/srv/root,tcp,vers=3 caf\u00e9=1
        IPAPPEND 2
      """
          .formatted("L".repeat(200));

  Path server() throws Exception {
    Path root = dir.resolve("root");
    write(root, "etc/dhcp/dhcpd.conf", DHCPD);
    write(
        root, "etc/exports", "/srv/root 10.0.0.0/24(ro,no_root_squash)\n/srv/my\\040root *(ro)\n");
    write(root, "var/lib/tftpboot/pxelinux.cfg/default", MENU);
    write(
        root,
        "var/lib/tftpboot/pxelinux.cfg/01-52-54-00-00-00-03",
        "DEFAULT bad\nLABEL bad\n KERNEL k/vmlinuz-6.1\n INITRD k/initrd.img-6.1\n APPEND ip=dhcp boot=nfs nfsroot=10.0.0.1:/srv/root caf\u00e9=1\n");
    write(root, "var/lib/tftpboot/k/vmlinuz-6.1", "MZ kernel");
    write(root, "var/lib/tftpboot/k/initrd.img-6.1", "initrd");
    return root;
  }

  static void write(Path root, String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  ImportResult run(Path root, Path out, boolean force) {
    return Importer.run(new Importer.Options(root, out, null, null, null, force));
  }

  static List<String> items(ImportResult r, Section section) {
    return r.report().items(section).stream().map(ImportReport.Item::toString).toList();
  }

  @Test
  void whatTheSpecsCannotTakeGoesToTheReportAndTheSpecsLoad() throws Exception {
    Path out = dir.resolve("specs");
    ImportResult r = run(server(), out, false);
    SpecSet specs = SpecLoader.load(out);
    assertThat(specs.networks())
        .extracting(n -> n.subnet().toString())
        .containsExactly("10.0.0.0/24");
    assertThat(specs.profiles()).extracting(p -> p.name()).containsExactly("good");
    assertThat(specs.profiles().get(0).menuLabel()).isIn(null, "good");
    assertThat(specs.server().pxe().title()).isEqualTo("Lab # {menu}: \"quoted\"");
    assertThat(specs.hosts()).extracting(h -> h.name()).containsExactlyInAnyOrder("na-ve", "plain");
    assertThat(specs.exports()).extracting(e -> e.path()).containsExactly("/srv/root");
    assertThat(r.counts()).containsEntry("Host", 2).containsEntry("Profile", 1);

    assertThat(String.join("\n", items(r, Section.NOT_IMPORTED)))
        .contains("/etc/dhcp/dhcpd.conf:7: subnet 10.9.0.0/24: spec.domainName")
        .contains("host odd (52:54:00:00:00:03, 10.0.0.13): its profile bad-2 is not imported")
        .contains("U+00E9")
        .contains("host lost has no fixed-address")
        .contains("/etc/exports:2: Export \"my-root\": spec.path \"/srv/my root\"");
    assertThat(String.join("\n", items(r, Section.CHANGES)))
        .contains("/var/lib/tftpboot/pxelinux.cfg/default:10: LABEL bad leaves the menu");
    assertThat(String.join("\n", items(r, Section.DROPPED)))
        .contains("MENU LABEL of good: spec.menuLabel");
    assertThat(String.join("\n", items(r, Section.GUESSED)))
        .contains("Host na-ve: \"na\u00efve\" is not a spec name; made from it");
    assertThat(r.report().items(Section.CHANGES))
        .anySatisfy(i -> assertThat(i.covers()).contains("host 52:54:00:00:00:02 host-name"));

    String report = Files.readString(out.resolve(Importer.REPORT));
    assertThat(report)
        .startsWith("# Import report\n\nImported from ")
        .contains("## Not imported (");
    String hosts = Files.readString(out.resolve("hosts.yaml"));
    assertThat(hosts).contains("name: \"na-ve\"  # guessed: \"na?ve\" is not a spec name");
    assertThat(hosts.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f))).isTrue();
  }

  @Test
  void filesOfAnEarlierImportAreReplacedOnlyWithForceAndOtherSpecsNever() throws Exception {
    Path root = server();
    Path out = dir.resolve("specs");
    run(root, out, false);
    String before = Files.readString(out.resolve("hosts.yaml"));
    Files.writeString(out.resolve("hosts.yaml"), before + "# my edit\n");
    assertThatThrownBy(() -> run(root, out, false))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("already holds IMPORT-REPORT.md, exports.yaml")
        .hasMessageContaining("use --force");
    assertThat(Files.readString(out.resolve("hosts.yaml"))).endsWith("# my edit\n");
    assertThat(out.getParent()).isDirectoryNotContaining("glob:**.import-*");

    run(root, out, true);
    assertThat(Files.readString(out.resolve("hosts.yaml"))).isEqualTo(before);

    Files.writeString(out.resolve("mine.yaml"), "# mine\n");
    assertThatThrownBy(() -> run(root, out, true))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("holds other spec files or directories (mine.yaml)");
  }

  @Test
  void linksAreFollowedInsideTheRootOnly() throws Exception {
    Path root = server();
    Path tftp = root.resolve("var/lib/tftpboot");
    // the menu points out of the root: read as the server would, it is not there
    Files.writeString(dir.resolve("outside-menu"), MENU.replace("good", "stolen"));
    Files.delete(tftp.resolve("pxelinux.cfg/default"));
    Files.createSymbolicLink(
        tftp.resolve("pxelinux.cfg/default"), Path.of("../../../../../../../../outside-menu"));
    // the kernel is a link to the server's /boot: the Kernel names the file inside the root
    write(root, "boot/vmlinuz-6.1", "MZ kernel in boot");
    Files.delete(tftp.resolve("k/vmlinuz-6.1"));
    Files.createSymbolicLink(tftp.resolve("k/vmlinuz-6.1"), Path.of("/boot/vmlinuz-6.1"));
    Files.writeString(
        tftp.resolve("pxelinux.cfg/01-52-54-00-00-00-02"),
        "DEFAULT own\nLABEL own\n KERNEL k/vmlinuz-6.1\n INITRD k/initrd.img-6.1\n"
            + " APPEND ip=dhcp boot=nfs nfsroot=10.0.0.1:/srv/root,tcp,vers=3\n IPAPPEND 2\n");
    Path out = dir.resolve("specs");
    run(root, out, false);
    SpecSet specs = SpecLoader.load(out);
    assertThat(specs.profiles()).extracting(p -> p.name()).containsExactly("own");
    assertThat(specs.kernels().get(0).image())
        .isEqualTo(root.toAbsolutePath().resolve("boot/vmlinuz-6.1"));
    assertThat(Files.readString(out.resolve("profiles.yaml"))).doesNotContain("stolen");
  }

  @Test
  void withoutAnAddressAnywhereTheImportAsksForOne() throws Exception {
    Path root = dir.resolve("empty");
    Files.createDirectories(root);
    assertThatThrownBy(() -> run(root, dir.resolve("specs"), false))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("give it with --address");
    assertThat(dir.resolve("specs")).doesNotExist();
  }
}
