package io.netroot.security;

import static io.netroot.security.Sandbox.BOOT;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec values that would add directives to a rendered file: pxelinux labels, exports, Ganesha
 * exports, tftpd settings, service names. Each is refused at its position, or rendered so that the
 * file reads back as exactly the seed's entries.
 */
class InjectionIT {

  /** What each pxelinux attack tries to add: a label that boots the attacker's kernel. */
  static final String PXE_LINES = "\\nLABEL pwned\\n  KERNEL pwned";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  void refusedOrPxelinuxClean(String needle) {
    Expect.specValueRefusedOrNeutralised(
        box,
        BOOT,
        box.linesOf(BOOT, needle),
        run -> RenderedFiles.pxelinuxHasOnlyTheSeedEntries(box));
  }

  @Test
  void newlineInMenuLabelAddsNoPxelinuxEntry() {
    box.editSpec(BOOT, "menuLabel: nfs-centos55", "menuLabel: \"x" + PXE_LINES + "\"");
    refusedOrPxelinuxClean("menuLabel:");
  }

  @Test
  void newlineInPxeTitleAddsNoPxelinuxEntry() {
    box.editSpec(BOOT, "title: \"netroot: bootsrv\"", "title: \"t" + PXE_LINES + "\"");
    refusedOrPxelinuxClean("title:");
  }

  @Test
  void newlineInKernelFileNameAddsNoPxelinuxEntry() throws Exception {
    Files.write(
        box.specs.resolve("kernels/vmlinuz\nLABEL pwned\n  KERNEL pwned"), new byte[] {0x4d, 0x5a});
    box.editSpec(
        BOOT, "image: kernels/vmlinuz-nfs1", "image: \"kernels/vmlinuz" + PXE_LINES + "\"");
    refusedOrPxelinuxClean("image:");
  }

  @Test
  void newlineInRootImagePathAddsNoPxelinuxEntry() {
    box.editSpec(BOOT, "path: " + Sandbox.IMAGE, "path: \"/storage/diskless/x" + PXE_LINES + "\"");
    refusedOrPxelinuxClean("path:");
  }

  @Test
  void exportOptionThatClosesTheListAddsNoExport() {
    box.editSpec(
        BOOT,
        "options: [rw, sync, no_root_squash]",
        "options: [rw, \"fsid=0)\\n/ *(rw,no_root_squash\"]");
    Expect.specValueRefusedOrNeutralised(
        box,
        BOOT,
        box.linesOf(BOOT, "fsid=0"),
        run -> RenderedFiles.exportsHasOnlyTheSeedExport(box));
  }

  @Test
  void ganeshaMatchThatClosesItsBlockAddsNoExport() {
    // A host name in form (an address in form is parsed as one, and refused), with no whitespace
    // or parentheses, which the match's grammar already refuses.
    box.editSpec(
        BOOT, "nfs: {exportsFile: /etc/exports, service: nfs-server}", "nfs: {server: ganesha}");
    box.editSpec(
        BOOT,
        "      options: [rw, sync, no_root_squash]\n",
        "      options: [rw, sync, no_root_squash]\n"
            + "    - match: \"node1;}}EXPORT{Export_Id=77;Path=/;Pseudo=/pwned;"
            + "Access_Type=RW;Squash=No_Root_Squash;FSAL{Name=VFS;}CLIENT{Clients=*\"\n"
            + "      options: [rw]\n");
    Expect.specValueRefusedOrNeutralised(
        box, BOOT, box.linesOf(BOOT, "EXPORT{"), run -> RenderedFiles.ganeshaHasBlocks(box, 1, 2));
  }

  @Test
  void tftpRootWithANewlineAddsNoTftpdOption() {
    String tftpRoot = "/srv/tftp\"\nTFTP_OPTIONS=\"--create --permissive";
    box.editSpec(
        BOOT,
        "tftpRoot: /var/lib/tftpboot",
        "tftpRoot: \"/srv/tftp\\\"\\nTFTP_OPTIONS=\\\"--create --permissive\"");
    Expect.specValueRefusedOrNeutralised(
        box,
        BOOT,
        box.linesOf(BOOT, "tftpRoot:"),
        run -> RenderedFiles.tftpdDefaultsSetOnlyTheDirectory(box, tftpRoot));
  }

  @Test
  void tftpRootWithACommandSubstitutionRunsNothing() {
    String tftpRoot = "/srv/tftp$(touch " + box.victims.resolve("pwned") + ")";
    box.editSpec(BOOT, "tftpRoot: /var/lib/tftpboot", "tftpRoot: \"" + tftpRoot + "\"");
    Expect.specValueRefusedOrNeutralised(
        box,
        BOOT,
        box.linesOf(BOOT, "tftpRoot:"),
        run -> RenderedFiles.tftpdDefaultsSetOnlyTheDirectory(box, tftpRoot));
  }

  @Test
  void tftpRootWithANewlineAddsNoCommandToTheFedoraDropIn() {
    box.editSpec(BOOT, "platform: debian", "platform: fedora");
    box.editSpec(
        BOOT,
        "tftpRoot: /var/lib/tftpboot",
        "tftpRoot: \"/var/lib/tftpboot\\nExecStartPre=/bin/touch "
            + box.victims.resolve("pwned")
            + "\"");
    Expect.specValueRefusedOrNeutralised(
        box,
        BOOT,
        box.linesOf(BOOT, "tftpRoot:"),
        run -> RenderedFiles.tftpDropInOnlySetsExecStart(box));
  }

  @Test
  void serviceNameWithAShellCommandIsRefused() {
    box.editSpec(BOOT, "service: dhcpd}", "service: \"x; reboot\"}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "x; reboot"));
  }

  @Test
  void serviceNameThatIsAnOptionIsRefused() {
    box.editSpec(BOOT, "service: nfs-server}", "service: \"--root=/\"}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "--root=/"));
  }

  @Test
  void serviceNameWithDotDotIsRefused() {
    box.editSpec(BOOT, "tftp: {service: tftp}", "tftp: {service: ../x}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "../x"));
  }
}
