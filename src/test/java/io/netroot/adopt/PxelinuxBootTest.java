package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.Sha256;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PxelinuxBootTest {

  @TempDir Path root;

  PxelinuxBoot boot() {
    return new PxelinuxBoot(new ServerFiles(root), "/srv/tftp");
  }

  void tftp(String path, String text) throws Exception {
    Path file = root.resolve("srv/tftp/" + path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static String hash(String text) {
    return "sha256:" + Sha256.of(text.getBytes(StandardCharsets.UTF_8)).hex();
  }

  @Test
  void dhcpFileNamesAreReadAsTftpdHpaReadsThem() {
    assertThat(PxelinuxBoot.tftpPath("/pxelinux.0")).isEqualTo("pxelinux.0");
    assertThat(PxelinuxBoot.tftpPath("//warewulf//lpxelinux.0")).isEqualTo("warewulf/lpxelinux.0");
    assertThat(PxelinuxBoot.tftpPath("../etc/shadow")).isNull();
    assertThat(PxelinuxBoot.tftpPath("tftp://10.1.0.1/pxelinux.0")).isNull();
    assertThat(PxelinuxBoot.isPxelinux("efi64/syslinux.efi")).isTrue();
    assertThat(PxelinuxBoot.isPxelinux("undionly.kpxe")).isFalse();
    assertThat(PxelinuxBoot.prefix("warewulf/lpxelinux.0")).isEqualTo("warewulf/");
    assertThat(PxelinuxBoot.fileOf("efi64/", "::/images/k/vmlinuz")).isEqualTo("images/k/vmlinuz");
    assertThat(PxelinuxBoot.fileOf("efi64/", "/images/k/vmlinuz"))
        .isEqualTo("efi64/images/k/vmlinuz");
  }

  @Test
  void theMacFileComesFirstThenTheAddressInHexThenDefault() throws Exception {
    MacAddress mac = MacAddress.parse("08:00:2b:4c:59:23");
    Ipv4 ip = Ipv4.parse("10.0.0.222");
    tftp("pxelinux.cfg/default", "DEFAULT x\n");
    assertThat(boot().configFor("", mac, ip)).isEqualTo("pxelinux.cfg/default");
    tftp("pxelinux.cfg/0A00", "DEFAULT x\n");
    assertThat(boot().configFor("", mac, ip)).isEqualTo("pxelinux.cfg/0A00");
    tftp("pxelinux.cfg/01-08-00-2b-4c-59-23", "DEFAULT x\n");
    assertThat(boot().configFor("", mac, ip)).isEqualTo("pxelinux.cfg/01-08-00-2b-4c-59-23");
    assertThat(boot().configFor("warewulf/", mac, ip)).isNull();
  }

  @Test
  void theUnattendedEntryFollowsPromptTimeoutUiAndOntimeout() {
    String labels = "LABEL a\n KERNEL a\nLABEL b\n KERNEL b\n MENU DEFAULT\n";
    assertThat(choice("DEFAULT a\nPROMPT 0\n" + labels)).isEqualTo("a");
    assertThat(choice("DEFAULT a\nPROMPT 1\nTIMEOUT 0\n" + labels)).isNull();
    assertThat(choice("DEFAULT a\nPROMPT 1\nTIMEOUT 50\nONTIMEOUT b\n" + labels)).isEqualTo("b");
    assertThat(choice("UI menu.c32\nDEFAULT a\nTIMEOUT 50\n" + labels)).isEqualTo("b");
    assertThat(choice("UI menu.c32\nDEFAULT a\nTIMEOUT 50\nLABEL a\n")).isEqualTo("a");
    // Cobbler's menu: DEFAULT names the menu module, ONTIMEOUT the entry
    assertThat(choice("DEFAULT menu\nPROMPT 0\nTIMEOUT 200\nONTIMEOUT local\n" + labels))
        .isEqualTo("local");
    assertThat(choice("DEFAULT menu.c32\nTIMEOUT 0\n" + labels)).isNull();
  }

  static String choice(String text) {
    return PxelinuxBoot.unattendedChoice(PxelinuxConfig.parse(text));
  }

  @Test
  void anEntryIsWhatReachesTheMachine() throws Exception {
    tftp("images/k/vmlinuz", "MZ kernel");
    tftp("images/k/initrd.img", "initrd");
    PxelinuxBoot boot = boot();
    PxelinuxConfig a =
        PxelinuxConfig.parse(
            "DEFAULT x\nLABEL x\n KERNEL /images/k/vmlinuz\n APPEND b=2 initrd=/images/k/initrd.img a=1\n IPAPPEND 2\n");
    PxelinuxConfig b =
        PxelinuxConfig.parse(
            "DEFAULT x\nLABEL x\n KERNEL ::/images/k/vmlinuz\n INITRD ::/images/k/initrd.img\n APPEND a=1 b=2\n IPAPPEND 2\n");
    String expected =
        "kernel "
            + hash("MZ kernel")
            + " initrd ["
            + hash("initrd")
            + "] args [a=1, b=2] ipappend 2";
    assertThat(boot.unattended("", a)).isEqualTo(expected);
    assertThat(boot.unattended("efi64/", b)).isEqualTo(expected);
    assertThat(boot.unattended("", PxelinuxConfig.parse("DEFAULT y\nLABEL y\n LOCALBOOT 0\n")))
        .isEqualTo("localboot 0");
    assertThat(boot.unattended("", PxelinuxConfig.parse("DEFAULT gone\n")))
        .isEqualTo("kernel missing:gone initrd [] args [] ipappend 0");
  }
}
