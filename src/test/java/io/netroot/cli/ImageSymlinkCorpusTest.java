package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.VictimDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diskless client owns its root image, links included. Each case plants a link inside the image
 * pointing at victims outside the root prefix; plan and apply must refuse the resource by naming
 * the link, and the victims must stay byte for byte as they were, with nothing added beside them.
 */
class ImageSymlinkCorpusTest {

  static final String IMAGE = "/storage/diskless/cent55_root";
  static final String REFUSAL = "; netroot does not follow links inside a root image";
  static final String SECRET = "root:$6$not-for-clients:19000:0:99999:7:::\n";

  @TempDir Path dir;
  @TempDir Path victims;
  TestBootServer server;
  Path image;
  Map<String, String> before;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    image = Files.createDirectories(server.file(IMAGE));
    Files.createDirectories(victims.resolve("etc/systemd/system"));
    Files.writeString(victims.resolve("etc/fstab"), "victim's own fstab\n");
    Files.writeString(victims.resolve("secret"), SECRET);
    Files.setPosixFilePermissions(
        victims.resolve("secret"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Files.createDirectories(victims.resolve("dev"));
    Files.writeString(victims.resolve("dev/null"), "a victim file named null\n");
    Files.createDirectories(victims.resolve("rc3.d"));
    Files.createSymbolicLink(victims.resolve("rc3.d/S20cups"), Path.of("../init.d/cups"));
  }

  /** The seed's image with static /dev and a disabled service. */
  void spec() {
    server.writeSpec(
        "boot.yaml",
        TestBootServer.SEED
            .replace("BOOTLOADER", server.bootloader.toString())
            .replace(
                "  path: " + IMAGE + "\n---",
                "  path: " + IMAGE + "\n  devices: static\n  disableServices: [cups]\n---"));
  }

  void systemdImage() throws IOException {
    Files.createDirectories(image.resolve("usr/lib/systemd/system"));
    Files.writeString(image.resolve("usr/lib/systemd/systemd"), "");
    Files.writeString(image.resolve("usr/lib/systemd/system/cups.service"), "[Unit]\n");
    Files.createSymbolicLink(image.resolve("lib"), Path.of("usr/lib"));
  }

  void sysvImage() throws IOException {
    Files.createDirectories(image.resolve("etc/init.d"));
    Files.writeString(image.resolve("etc/init.d/cups"), "#!/bin/sh\n");
    Files.createDirectories(image.resolve("etc/rc2.d"));
    Files.createSymbolicLink(image.resolve("etc/rc2.d/S20cups"), Path.of("../init.d/cups"));
  }

  /** Plants the links, snapshots the victims, runs plan then apply; both must fail alike. */
  String[] planAndApply(String... expected) {
    before = VictimDir.snapshot(victims);
    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");
    for (TestBootServer.Run run : new TestBootServer.Run[] {plan, apply}) {
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out()).contains(expected).doesNotContain("Exception");
    }
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
    assertNoCopyOfTheSecretUnderTheRoot();
    return new String[] {plan.out(), apply.out()};
  }

  void assertNoCopyOfTheSecretUnderTheRoot() {
    try (Stream<Path> walk = Files.walk(server.root)) {
      for (Path p :
          walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .toList()) {
        assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain("not-for-clients");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String refused(String rel, Object target) {
    return IMAGE + "/" + rel + " is a symbolic link (to " + target + ")" + REFUSAL;
  }

  @Test
  void symlinkedEtcIsRefusedForTheFstabAndTheMasks() throws Exception {
    systemdImage();
    Files.createSymbolicLink(image.resolve("etc"), victims.resolve("etc"));
    spec();

    planAndApply(refused("etc", victims.resolve("etc")), "! FAIL   " + IMAGE + "/etc/fstab");

    assertThat(victims.resolve("etc/systemd/system")).isEmptyDirectory();
  }

  @Test
  void symlinkedDevMakesNoNodeOutsideTheImage() throws Exception {
    systemdImage();
    Files.createDirectories(image.resolve("etc"));
    Files.createSymbolicLink(image.resolve("dev"), victims.resolve("dev"));
    spec();

    String[] out = planAndApply(refused("dev", victims.resolve("dev")), IMAGE + "/dev/null");

    assertThat(out[1]).contains("! FAIL   " + IMAGE + "/dev/ttyS3");
    assertThat(image.resolve("etc/fstab")).exists();
  }

  @Test
  void symlinkedSystemdUnitDirectoryGetsNoMask() throws Exception {
    systemdImage();
    Files.createDirectories(image.resolve("etc/systemd"));
    Files.createSymbolicLink(
        image.resolve("etc/systemd/system"), victims.resolve("etc/systemd/system"));
    spec();

    planAndApply(refused("etc/systemd/system", victims.resolve("etc/systemd/system")));
  }

  @Test
  void symlinkedRunlevelDirectoryKeepsItsLinks() throws Exception {
    sysvImage();
    Files.createSymbolicLink(image.resolve("etc/rc3.d"), victims.resolve("rc3.d"));
    spec();

    planAndApply(refused("etc/rc3.d", victims.resolve("rc3.d")), "disable service cups");

    assertThat(victims.resolve("rc3.d/S20cups")).isSymbolicLink();
  }

  @Test
  void fstabLinkedToASecretIsNeitherReadNorCopiedNorBackedUp() throws Exception {
    systemdImage();
    Files.createDirectories(image.resolve("etc"));
    Files.createSymbolicLink(image.resolve("etc/fstab"), victims.resolve("secret"));
    spec();

    planAndApply(refused("etc/fstab", victims.resolve("secret")));

    assertThat(image.resolve("etc/fstab")).isSymbolicLink();
  }

  @Test
  void relativeLinkClimbingOutOfTheImageIsRefused() throws Exception {
    systemdImage();
    Path up = image.relativize(victims.resolve("etc"));
    Files.createSymbolicLink(image.resolve("etc"), up);
    assertThat(up.toString()).startsWith("../../");
    spec();

    planAndApply(refused("etc", up));
  }

  @Test
  void symlinkLoopIsRefused() throws Exception {
    systemdImage();
    Files.createSymbolicLink(image.resolve("etc"), Path.of("etc2"));
    Files.createSymbolicLink(image.resolve("etc2"), Path.of("etc"));
    spec();

    planAndApply(refused("etc", "etc2"));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void fstabThatIsAFifoIsRefusedInsteadOfHangingThePlan() throws Exception {
    systemdImage();
    Files.createDirectories(image.resolve("etc"));
    ImageTrees.sh(image, "mkfifo", "etc/fstab");
    spec();

    planAndApply(IMAGE + "/etc/fstab is not a regular file; netroot does not read it");
  }

  @Test
  void imagePathThatIsItselfALinkIsRefused() throws Exception {
    Files.delete(image);
    Files.createSymbolicLink(image, victims);
    spec();

    planAndApply("root image " + IMAGE + " is a symbolic link (to " + victims + ")");
  }

  /**
   * A link where a device node or a mask belongs is replaced by the node or the mask: it is
   * removed, never followed, and what it points at is not copied into the backups.
   */
  @Test
  void linkWhereANodeOrAMaskBelongsIsReplacedAndNotBackedUp() throws Exception {
    systemdImage();
    Files.createDirectories(image.resolve("dev"));
    Files.createDirectories(image.resolve("etc/systemd/system"));
    Files.createSymbolicLink(image.resolve("dev/null"), victims.resolve("secret"));
    Files.createSymbolicLink(
        image.resolve("etc/systemd/system/cups.service"), victims.resolve("secret"));
    spec();
    before = VictimDir.snapshot(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.out()).contains("-symlink to " + victims.resolve("secret"));
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(Files.readSymbolicLink(image.resolve("etc/systemd/system/cups.service")))
        .isEqualTo(Path.of("/dev/null"));
    assertThat(io.netroot.os.DeviceFiles.look(image.resolve("dev/null")).orElseThrow().type())
        .isEqualTo(io.netroot.os.DeviceFiles.Type.CHAR);
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
    assertNoCopyOfTheSecretUnderTheRoot();
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }
}
