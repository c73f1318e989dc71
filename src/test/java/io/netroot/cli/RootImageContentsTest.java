package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.DeviceFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What netroot keeps inside a root image: the fstab root line, static /dev, disabled services. */
class RootImageContentsTest {

  static final String IMAGE = "/storage/diskless/cent55_root";
  static final String ROOT_LINE = "10.0.0.1:" + IMAGE + " / nfs rw,tcp,vers=3 0 0";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  /** Replaces the seed's cent55 image with one that has the given extra spec lines. */
  void cent55(String extra) {
    server.writeSpec(
        "boot.yaml",
        TestBootServer.SEED
            .replace("BOOTLOADER", server.bootloader.toString())
            .replace("  path: " + IMAGE + "\n---", "  path: " + IMAGE + "\n" + extra + "---"));
  }

  Path fstab() {
    return server.file(IMAGE + "/etc/fstab");
  }

  @Test
  void missingFstabIsCreatedWithJustTheRootLine() {
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(fstab()).hasContent(ROOT_LINE);
  }

  @Test
  void handEditOfAnotherFstabLineIsKept() throws Exception {
    Files.createDirectories(fstab().getParent());
    String others = "# static file system information\nproc /proc proc defaults 0 0\n";
    Files.writeString(fstab(), others);
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(fstab())
        .hasContent(
            "# static file system information\n" + ROOT_LINE + "\nproc /proc proc defaults 0 0");

    Files.writeString(fstab(), Files.readString(fstab()) + "tmpfs /tmp tmpfs size=64m 0 0\n");

    TestBootServer.Run drift = server.agent("drift");
    TestBootServer.Run apply = server.agent("apply");
    assertThat(drift.exit()).as(drift.out()).isZero();
    assertThat(apply.out()).contains("nothing to change");
    assertThat(fstab()).content().endsWith("tmpfs /tmp tmpfs size=64m 0 0\n");
  }

  @Test
  void wrongRootLineIsDriftAndIsFixedKeepingTheOtherLines() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Files.writeString(
        fstab(),
        "10.0.0.1:/diskless/cent55_root\t/\tnfs\tdefaults 0 0\r\nproc /proc proc defaults 0 0\r\n");

    TestBootServer.Run drift = server.agent("drift");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(drift.exit()).as(drift.out()).isEqualTo(2);
    assertThat(drift.out()).contains(IMAGE + "/etc/fstab");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(fstab()).hasContent(ROOT_LINE + "\r\nproc /proc proc defaults 0 0\r");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void aKilledRunsTemporaryFileInTheImageIsRemovedByTheNextApplyWithoutFollowingLinks(
      @TempDir Path outside) throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path etc = fstab().getParent();
    Files.writeString(etc.resolve(".fstab.netroot-00000000deadbeef"), "half an fstab");
    Files.writeString(outside.resolve("victim"), "not netroot's");
    Files.createSymbolicLink(etc.resolve(".hosts.netroot-0a"), outside.resolve("victim"));
    Files.createDirectories(etc.resolve(".client.netroot-0b"));
    Files.writeString(etc.resolve(".fstab.netroot-notes"), "the client's");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains(IMAGE + "/etc/.fstab.netroot-00000000deadbeef  left by an interrupted run")
        .contains(IMAGE + "/etc/.hosts.netroot-0a  left by an interrupted run")
        .doesNotContain(".client.netroot-0b")
        .doesNotContain(".fstab.netroot-notes");
    assertThat(etc.resolve(".fstab.netroot-00000000deadbeef")).exists();

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(etc.resolve(".fstab.netroot-00000000deadbeef")).doesNotExist();
    assertThat(Files.exists(etc.resolve(".hosts.netroot-0a"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(outside.resolve("victim")).hasContent("not netroot's");
    assertThat(etc.resolve(".client.netroot-0b")).isDirectory();
    assertThat(etc.resolve(".fstab.netroot-notes")).hasContent("the client's");
    assertThat(server.agent("plan").out()).doesNotContain("interrupted run");
  }

  @Test
  void readOnlyImageIsMountedRo() {
    cent55("  readOnly: true\n");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(fstab()).hasContent("10.0.0.1:" + IMAGE + " / nfs ro,tcp,vers=3 0 0");
  }

  @Test
  void staticDevGetsTheClassicNodesWithTheirNumbersAndModes() throws Exception {
    cent55("  devices: static\n");

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertNode("null", 1, 3, 0666, 0);
    assertNode("zero", 1, 5, 0666, 0);
    assertNode("urandom", 1, 9, 0666, 0);
    assertNode("tty", 5, 0, 0666, 5);
    assertNode("console", 5, 1, 0600, 0);
    assertNode("ptmx", 5, 2, 0666, 5);
    assertNode("rtc", 10, 135, 0644, 0);
    assertNode("tty0", 4, 0, 0620, 5);
    assertNode("tty12", 4, 12, 0620, 5);
    assertNode("ttyS0", 4, 64, 0660, 20);
    assertNode("ttyS3", 4, 67, 0660, 20);
    DeviceFiles.Node shm = DeviceFiles.look(server.file(IMAGE + "/dev/shm")).orElseThrow();
    assertThat(shm.type()).isEqualTo(DeviceFiles.Type.DIRECTORY);
    assertThat(shm.mode()).isEqualTo(01777);
    assertThat(server.file(IMAGE + "/dev/pts")).isDirectory();
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  void assertNode(String name, int major, int minor, int mode, int gid) {
    DeviceFiles.Node node = DeviceFiles.look(server.file(IMAGE + "/dev/" + name)).orElseThrow();
    assertThat(node.type()).as(name).isEqualTo(DeviceFiles.Type.CHAR);
    assertThat(node.major()).as(name).isEqualTo(major);
    assertThat(node.minor()).as(name).isEqualTo(minor);
    assertThat(node.mode()).as(name).isEqualTo(mode);
    assertThat(node.uid()).as(name).isZero();
    assertThat(node.gid()).as(name).isEqualTo(gid);
  }

  @Test
  void regularFileWhereDevNullBelongsIsDriftAndIsReplaced() throws Exception {
    cent55("  devices: static\n");
    assertThat(server.agent("apply").exit()).isZero();
    Path devNull = server.file(IMAGE + "/dev/null");
    Files.delete(devNull);
    Files.writeString(devNull, "log lines that went to /dev/null\n");

    TestBootServer.Run drift = server.agent("drift");
    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(drift.exit()).as(drift.out()).isEqualTo(2);
    assertThat(drift.out()).contains(IMAGE + "/dev/null");
    assertThat(plan.out())
        .contains("-regular file of 33 bytes mode 0644 uid 0 gid 0")
        .contains("+char 1:3 mode 0666 uid 0 gid 0");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertNode("null", 1, 3, 0666, 0);
    TestBootServer.Run backups = TestBootServer.run("backups", "--root", server.root.toString());
    assertThat(backups.out()).as(backups.err()).contains(IMAGE + "/dev/null");
    TestBootServer.Run again = server.agent("apply");
    assertThat(again.out()).contains("nothing to change");
  }

  @Test
  void symlinkWhereADeviceNodeBelongsIsReplacedWithoutTouchingItsTarget() throws Exception {
    cent55("  devices: static\n");
    assertThat(server.agent("apply").exit()).isZero();
    Path target = dir.resolve("outside");
    Files.writeString(target, "not to be touched\n");
    Path zero = server.file(IMAGE + "/dev/zero");
    Files.delete(zero);
    Files.createSymbolicLink(zero, target);

    assertThat(server.agent("drift").exit()).isEqualTo(2);
    assertThat(server.agent("apply").exit()).isZero();

    assertNode("zero", 1, 5, 0666, 0);
    assertThat(target).hasContent("not to be touched");
  }

  @Test
  void systemdImageGetsAMaskForEachDisabledService() throws Exception {
    Path image = server.file(IMAGE);
    Files.createDirectories(image.resolve("usr/lib/systemd/system"));
    Files.writeString(image.resolve("usr/lib/systemd/systemd"), "");
    Files.writeString(image.resolve("usr/lib/systemd/system/microcode_ctl.service"), "[Unit]\n");
    Files.writeString(image.resolve("usr/lib/systemd/system/yum-updatesd.service"), "[Unit]\n");
    cent55("  disableServices: [microcode_ctl, yum-updatesd.service]\n");

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.out()).contains("systemd detected");
    assertThat(apply.exit()).as(apply.out()).isZero();
    for (String unit : new String[] {"microcode_ctl.service", "yum-updatesd.service"}) {
      Path mask = image.resolve("etc/systemd/system/" + unit);
      assertThat(Files.readSymbolicLink(mask)).isEqualTo(Path.of("/dev/null"));
    }
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void sysvImageHasItsStartLinksTurnedIntoKillLinks() throws Exception {
    Path image = server.file(IMAGE);
    Files.createDirectories(image.resolve("etc/rc.d/init.d"));
    Files.writeString(image.resolve("etc/rc.d/init.d/microcode_ctl"), "#!/bin/sh\n");
    for (int level = 0; level <= 6; level++) {
      Path rc = Files.createDirectories(image.resolve("etc/rc.d/rc" + level + ".d"));
      String link = (level >= 2 && level <= 5 ? "S26" : "K74") + "microcode_ctl";
      Files.createSymbolicLink(rc.resolve(link), Path.of("../init.d/microcode_ctl"));
      Files.createSymbolicLink(rc.resolve("S10network"), Path.of("../init.d/network"));
    }
    cent55("  disableServices: [microcode_ctl]\n");

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.out()).contains("SysV init detected").contains("rc3.d/S26microcode_ctl");
    assertThat(apply.exit()).as(apply.out()).isZero();
    for (int level = 0; level <= 6; level++) {
      Path rc = image.resolve("etc/rc.d/rc" + level + ".d");
      assertThat(rc.resolve("K74microcode_ctl")).isSymbolicLink();
      assertThat(rc.resolve("S26microcode_ctl")).doesNotExist();
      assertThat(rc.resolve("S10network")).isSymbolicLink();
    }
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void serviceMissingFromTheImageIsAnErrorSayingWhatWasLookedFor() throws Exception {
    Files.createDirectories(server.file(IMAGE + "/etc/rc3.d"));
    cent55("  disableServices: [cups]\n");

    TestBootServer.Run plan = server.agent("plan");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("service cups does not exist in root image " + IMAGE + " (SysV init)")
        .contains("/etc/init.d/cups");
  }

  @Test
  void imageWithoutAKnownInitIsAnErrorSayingWhatWasLookedFor() throws Exception {
    Files.createDirectories(server.file(IMAGE + "/etc"));
    cent55("  disableServices: [cups]\n");

    TestBootServer.Run plan = server.agent("plan");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("cannot tell the init system of root image " + IMAGE)
        .contains("/usr/lib/systemd/systemd")
        .contains("/etc/rc.d/rc3.d");
  }
}
