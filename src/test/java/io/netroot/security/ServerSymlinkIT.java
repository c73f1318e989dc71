package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directories netroot writes on the boot server itself, and its lock file, replaced by symlinks
 * to somewhere else: netroot refuses to write, or read, through them.
 */
class ServerSymlinkIT {

  static final String LINK = "(?i)link";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  @Test
  void pxelinuxCfgLinkedElsewhereIsRefused() {
    box.victim("pxe/default", "victim menu\n");
    Sandbox.symlink(box.file(Sandbox.TFTP + "/pxelinux.cfg"), box.victims.resolve("pxe"));
    Expect.diskRefused(box, LINK, "tftpboot/pxelinux.cfg");
  }

  @Test
  void imagesLinkedElsewhereIsRefused() {
    box.victim("images/linux-nfs1/vmlinuz-nfs1", "victim kernel\n");
    Sandbox.symlink(box.file(Sandbox.TFTP + "/images"), box.victims.resolve("images"));
    Expect.diskRefused(box, LINK, "tftpboot/images");
  }

  @Test
  void etcDhcpLinkedElsewhereIsRefused() {
    box.victim("dhcp/dhcpd.conf", Sandbox.DHCPD_VICTIM);
    Sandbox.symlink(box.file("/etc/dhcp"), box.victims.resolve("dhcp"));
    Expect.diskRefused(box, LINK, "etc/dhcp");
  }

  @Test
  void stateDirectoryLinkedElsewhereIsRefused() {
    box.victim("state/keep", "victim\n");
    Sandbox.symlink(box.file("/var/lib/netroot"), box.victims.resolve("state"));
    Expect.diskRefused(box, LINK, "var/lib/netroot");
  }

  @Test
  void lockFileLinkedToAVictimIsRefused() {
    // plan takes no lock: it only must not touch the victim. apply must refuse the link.
    box.victim("lock", "victim, not a PID\n");
    Sandbox.symlink(box.file("/var/lib/netroot/lock"), box.victims.resolve("lock"));

    Tree outside = box.outside();
    Confined.Run plan = box.agent("plan");
    Expect.clean(plan);
    Expect.unchanged(outside, box.outside(), "outside the root", plan);

    Confined.Run apply = box.agent("apply");
    Expect.unchanged(outside, box.outside(), "outside the root", apply);
    Expect.refusedNaming(apply, LINK, "var/lib/netroot/lock");
    assertThat(box.victims.resolve("lock")).hasContent("victim, not a PID");
  }
}
