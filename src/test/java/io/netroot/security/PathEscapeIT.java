package io.netroot.security;

import static io.netroot.security.Sandbox.BOOT;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server paths and names in a spec that would lead out of the root prefix: a leading {@code //}, a
 * root image at {@code /}, and {@code ..} in every field that becomes a path. Each is refused at
 * its position in the spec, and nothing is written, outside the root or in it.
 *
 * <p>The {@code ..} values are counted so that, followed, they land in {@code T/victims}: from
 * {@code T/root}, one {@code ..} is {@code T}. Most name a file that does not exist yet, which an
 * escaping apply creates: over an existing file, the backup taken first under the same relative
 * path can fail and stop the write, which hides the escape rather than guarding against it.
 */
class PathEscapeIT {

  static final String ROOT_IMAGE_END = "  path: " + Sandbox.IMAGE + "\n---\n";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  @Test
  void rootImageAtSlashIsRefused() {
    // Both paths, so that the image is still exported to its host: only "/" itself is wrong.
    box.editSpec(BOOT, "path: " + Sandbox.IMAGE, "path: /");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "path: /"));
  }

  @Test
  void dhcpConfigStartingWithTwoSlashesIsRefused() {
    Path victim = box.victim("dhcpd.conf", Sandbox.DHCPD_VICTIM);
    box.editSpec(BOOT, "config: /etc/dhcp/dhcpd.conf", "config: /" + victim);
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "config: //"));
  }

  @Test
  void dotDotInTftpRootIsRefused() {
    box.victim("tftp/keep", "victim\n");
    box.editSpec(BOOT, "tftpRoot: /var/lib/tftpboot", "tftpRoot: /../victims/tftp");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "tftpRoot:"));
  }

  @Test
  void dotDotInDhcpConfigIsRefused() {
    box.editSpec(BOOT, "config: /etc/dhcp/dhcpd.conf", "config: /../victims/dhcpd.conf");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "config: /../"));
  }

  @Test
  void dotDotInNfsConfFileIsRefused() {
    box.editSpec(
        BOOT,
        "service: nfs-server}",
        "service: nfs-server, confFile: /../victims/nfs.conf, versions: {v3: true}}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "confFile:"));
  }

  @Test
  void dotDotInGaneshaConfigIsRefused() {
    box.editSpec(
        BOOT,
        "nfs: {exportsFile: /etc/exports, service: nfs-server}",
        "nfs: {server: ganesha, ganeshaConfig: /../victims/ganesha.conf}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "ganeshaConfig:"));
  }

  @Test
  void dotDotInRootImagePathIsRefused() {
    box.victim("image/etc/hostname", "victim\n");
    box.editSpec(BOOT, "path: " + Sandbox.IMAGE, "path: /../victims/image");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "path: /../"));
  }

  @Test
  void dotDotInADisabledServiceNameIsRefused() {
    // A systemd image whose etc/systemd/system exists, so the kernel can walk the ..s: seven of
    // them from IMAGE/etc/systemd/system reach T, where the mask would go. From
    // IMAGE/usr/lib/systemd/system the same seven reach T/root, where the bait unit makes the
    // service look present.
    Sandbox.write(box.image().resolve("usr/lib/systemd/systemd"), "");
    Sandbox.mkdirs(box.image().resolve("usr/lib/systemd/system"));
    Sandbox.mkdirs(box.image().resolve("etc/systemd/system"));
    Sandbox.write(box.root.resolve("victims/pwn.service"), "[Unit]\n");
    box.editSpec(
        BOOT,
        ROOT_IMAGE_END,
        "  path: "
            + Sandbox.IMAGE
            + "\n  disableServices: [\"../../../../../../../victims/pwn\"]\n---\n");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "disableServices:"));
  }

  @Test
  void dotDotInABootloaderModuleIsRefused() {
    // The source is read from the modules directory by its file name; the copy lands at
    // TFTP/../../../../victims/boot.c32, which is T/victims/boot.c32.
    Sandbox.write(box.bootloader.resolve("boot.c32"), "attacker's module\n");
    Sandbox.mkdirs(box.file(Sandbox.TFTP + "/efi64"));
    box.editSpec(
        BOOT,
        "bootloader: {",
        "bootloader: {modules: [ldlinux.c32, menu.c32, libutil.c32, libcom32.c32,"
            + " \"../../../../victims/boot.c32\"], ");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "victims/boot.c32"));
  }

  @Test
  void dotDotInFedoraTftpServiceNameIsRefused() {
    // Fedora's drop-in is /etc/systemd/system/NAME.service.d/netroot.conf: four ..s from there
    // reach T.
    Sandbox.mkdirs(box.file("/etc/systemd/system"));
    box.editSpec(BOOT, "platform: debian", "platform: fedora");
    box.editSpec(BOOT, "tftp: {service: tftp}", "tftp: {service: \"../../../../victims/x\"}");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "victims/x"));
  }
}
