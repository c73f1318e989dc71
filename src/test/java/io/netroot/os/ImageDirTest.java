package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Confined file access inside a root image, with openat2 and with the component walk used where
 * openat2 is missing. Victims live beside the image, outside it, and must never change.
 */
class ImageDirTest {

  static final String SHOWN = "/srv/root";
  static final String REFUSAL = "; netroot does not follow links inside a root image";

  @TempDir Path dir;
  Path image;
  Path victims;
  Map<String, String> victimsBefore;

  static Stream<Beneath> resolvers() {
    return Stream.of(Beneath.best(), Beneath.walkOnly());
  }

  @BeforeEach
  void setUp() throws Exception {
    image = Files.createDirectories(dir.resolve("image"));
    victims = Files.createDirectories(dir.resolve("victims"));
    Files.writeString(victims.resolve("fstab"), "victim fstab\n");
    Files.writeString(victims.resolve("secret"), "root's secret\n");
    Files.setPosixFilePermissions(victims.resolve("secret"), FileModes.parse("0600"));
    victimsBefore = VictimDir.snapshot(victims);
  }

  ImageDir open(Beneath beneath) {
    return ImageDir.open(image, SHOWN, beneath).orElseThrow();
  }

  void assertVictimsUntouched() {
    assertThat(VictimDir.snapshot(victims)).isEqualTo(victimsBefore);
  }

  @Test
  void theWalkIsUsedWhenForcedAndOpenat2WhereTheKernelHasIt() {
    assertThat(Beneath.walkOnly().usesOpenat2()).isFalse();
    String[] version = System.getProperty("os.version").split("[.-]");
    int major = Integer.parseInt(version[0]);
    int minor = Integer.parseInt(version[1]);
    if (major > 5 || (major == 5 && minor >= 6)) {
      assertThat(Beneath.best().usesOpenat2()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void fileIsWrittenAtomicallyWithItsModeAndReadBack(Beneath beneath) throws Exception {
    try (ImageDir img = open(beneath)) {
      img.writeFile("etc/fstab", "first\n".getBytes(StandardCharsets.UTF_8), 0640);
      img.writeFile("etc/fstab", "second\n".getBytes(StandardCharsets.UTF_8), 0644);

      assertThat(img.readFile("etc/fstab")).hasValue("second\n".getBytes(StandardCharsets.UTF_8));
      assertThat(img.readFile("etc/missing")).isEmpty();
      assertThat(img.readFile("nodir/missing")).isEmpty();
    }
    assertThat(image.resolve("etc/fstab")).hasContent("second");
    assertThat(Files.getPosixFilePermissions(image.resolve("etc/fstab")))
        .isEqualTo(FileModes.parse("0644"));
    assertThat(Files.list(image.resolve("etc"))).containsExactly(image.resolve("etc/fstab"));
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void symlinkedDirectoryIsRefusedForReadAndWrite(Beneath beneath) throws Exception {
    Files.createSymbolicLink(image.resolve("etc"), victims);
    try (ImageDir img = open(beneath)) {
      assertThatThrownBy(() -> img.readFile("etc/fstab"))
          .isInstanceOf(NetrootException.class)
          .hasMessage(SHOWN + "/etc is a symbolic link (to " + victims + ")" + REFUSAL);
      assertThatThrownBy(() -> img.writeFile("etc/fstab", new byte[] {'x'}, 0644))
          .hasMessage(SHOWN + "/etc is a symbolic link (to " + victims + ")" + REFUSAL);
      assertThatThrownBy(() -> img.writeFile("etc/new", new byte[] {'x'}, 0644))
          .hasMessageContaining(SHOWN + "/etc is a symbolic link");
      assertThatThrownBy(() -> img.createCharDevice("etc/null", 0666, 1, 3, 0, 0))
          .hasMessageContaining(SHOWN + "/etc is a symbolic link");
      assertThatThrownBy(() -> img.symlink("etc/cups.service", "/dev/null"))
          .hasMessageContaining(SHOWN + "/etc is a symbolic link");
      assertThatThrownBy(() -> img.list("etc"))
          .hasMessageContaining(SHOWN + "/etc is a symbolic link");
      assertThatThrownBy(() -> img.makeDirectories("etc/systemd/system"))
          .hasMessageContaining(SHOWN + "/etc is a symbolic link");
    }
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void symlinkToASecretIsNeitherReadNorReplaced(Beneath beneath) throws Exception {
    Files.createDirectories(image.resolve("etc"));
    Files.createSymbolicLink(image.resolve("etc/fstab"), victims.resolve("secret"));
    try (ImageDir img = open(beneath)) {
      assertThatThrownBy(() -> img.readFile("etc/fstab"))
          .hasMessage(
              SHOWN
                  + "/etc/fstab is a symbolic link (to "
                  + victims.resolve("secret")
                  + ")"
                  + REFUSAL);
      assertThatThrownBy(() -> img.writeFile("etc/fstab", new byte[] {'x'}, 0644))
          .hasMessageContaining(SHOWN + "/etc/fstab is a symbolic link");
      assertThatThrownBy(() -> img.setOwnerAndMode("etc/fstab", 0666, 0, 0))
          .hasMessageContaining(SHOWN + "/etc/fstab is a symbolic link");
      assertThat(img.readIfRegular("etc/fstab")).isEmpty();
      assertThat(img.look("etc/fstab").orElseThrow().linkTarget())
          .isEqualTo(victims.resolve("secret").toString());
    }
    assertThat(image.resolve("etc/fstab")).isSymbolicLink();
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void relativeLinkOutOfTheImageAndALinkLoopAreRefused(Beneath beneath) throws Exception {
    Files.createDirectories(image.resolve("var"));
    Files.createSymbolicLink(image.resolve("var/etc"), Path.of("../../victims"));
    Files.createSymbolicLink(image.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(image.resolve("b"), Path.of("a"));
    try (ImageDir img = open(beneath)) {
      assertThatThrownBy(() -> img.writeFile("var/etc/fstab", new byte[] {'x'}, 0644))
          .hasMessage(SHOWN + "/var/etc is a symbolic link (to ../../victims)" + REFUSAL);
      assertThatThrownBy(() -> img.readFile("a/fstab"))
          .hasMessage(SHOWN + "/a is a symbolic link (to b)" + REFUSAL);
      assertThatThrownBy(() -> img.writeFile("a/fstab", new byte[] {'x'}, 0644))
          .hasMessage(SHOWN + "/a is a symbolic link (to b)" + REFUSAL);
      assertThat(img.find("a/fstab")).isEmpty();
    }
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void pathsWithDotsAreRefused(Beneath beneath) {
    try (ImageDir img = open(beneath)) {
      for (String bad : new String[] {"../victims/fstab", "etc/../../x", "/etc/fstab", "a//b"}) {
        assertThatThrownBy(() -> img.writeFile(bad, new byte[] {'x'}, 0644))
            .as(bad)
            .hasMessageContaining("not a plain path in the image");
      }
    }
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void findTreatsAPathThroughALinkAsAbsentAndLookDoesNotFollowTheLast(Beneath beneath)
      throws Exception {
    Files.createDirectories(image.resolve("usr/lib/systemd"));
    Files.writeString(image.resolve("usr/lib/systemd/systemd"), "");
    Files.createSymbolicLink(image.resolve("lib"), Path.of("usr/lib"));
    try (ImageDir img = open(beneath)) {
      assertThat(img.find("lib/systemd/systemd")).isEmpty();
      assertThat(img.find("usr/lib/systemd/systemd").orElseThrow().type())
          .isEqualTo(DeviceFiles.Type.REGULAR);
      assertThat(img.find("usr/lib/systemd/systemd/x")).isEmpty();
      assertThat(img.look("lib").orElseThrow().type()).isEqualTo(DeviceFiles.Type.SYMLINK);
      assertThatThrownBy(() -> img.look("lib/systemd/systemd"))
          .hasMessageContaining(SHOWN + "/lib is a symbolic link (to usr/lib)");
    }
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void deviceNodesAndDirectoriesGetExactModesAndOwners(Beneath beneath) {
    try (ImageDir img = open(beneath)) {
      img.createCharDevice("dev/tty1", 0620, 4, 1, 0, 5);
      img.createDirectory("dev/shm", 01777, 0, 0);

      DeviceFiles.Node tty = img.look("dev/tty1").orElseThrow();
      assertThat(tty.type()).isEqualTo(DeviceFiles.Type.CHAR);
      assertThat(tty.major()).isEqualTo(4);
      assertThat(tty.minor()).isEqualTo(1);
      assertThat(tty.mode()).isEqualTo(0620);
      assertThat(tty.gid()).isEqualTo(5);
      DeviceFiles.Node shm = img.look("dev/shm").orElseThrow();
      assertThat(shm.type()).isEqualTo(DeviceFiles.Type.DIRECTORY);
      assertThat(shm.mode()).isEqualTo(01777);
      assertThat(DeviceFiles.look(image.resolve("dev/tty1")).orElseThrow().rdev())
          .isEqualTo(tty.rdev());
    }
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void symlinkReplacesAFileOrALinkWithoutFollowingIt(Beneath beneath) throws Exception {
    Files.createDirectories(image.resolve("etc/systemd/system"));
    Files.createSymbolicLink(
        image.resolve("etc/systemd/system/a.service"), victims.resolve("fstab"));
    Files.writeString(image.resolve("etc/systemd/system/b.service"), "[Unit]\n");
    Files.createDirectories(image.resolve("etc/systemd/system/c.service"));
    try (ImageDir img = open(beneath)) {
      img.symlink("etc/systemd/system/a.service", "/dev/null");
      img.symlink("etc/systemd/system/b.service", "/dev/null");
      assertThatThrownBy(() -> img.symlink("etc/systemd/system/c.service", "/dev/null"))
          .hasMessageContaining("is a directory");
      assertThat(img.list("etc/systemd/system"))
          .containsExactly("a.service", "b.service", "c.service");
    }
    assertThat(Files.readSymbolicLink(image.resolve("etc/systemd/system/a.service")))
        .isEqualTo(Path.of("/dev/null"));
    assertThat(Files.readSymbolicLink(image.resolve("etc/systemd/system/b.service")))
        .isEqualTo(Path.of("/dev/null"));
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  void removeRenameAndRemoveTreeNeverFollowLinks(Beneath beneath) throws Exception {
    Files.createDirectories(image.resolve("etc/rc3.d"));
    Files.createSymbolicLink(image.resolve("etc/rc3.d/S26cups"), Path.of("../init.d/cups"));
    Files.createDirectories(image.resolve("tree/deep/er"));
    Files.writeString(image.resolve("tree/deep/er/file"), "x");
    Files.createSymbolicLink(image.resolve("tree/deep/out"), victims);
    Files.createSymbolicLink(image.resolve("tree/file-out"), victims.resolve("fstab"));
    Files.createSymbolicLink(image.resolve("gone"), victims.resolve("fstab"));
    try (ImageDir img = open(beneath)) {
      img.rename("etc/rc3.d/S26cups", "K74cups");
      img.remove("gone");
      img.remove("not-there");
      img.removeTree("tree");
      assertThat(img.list("")).containsExactly("etc");
      assertThat(img.list("missing")).isEmpty();
    }
    assertThat(Files.readSymbolicLink(image.resolve("etc/rc3.d/K74cups")))
        .isEqualTo(Path.of("../init.d/cups"));
    assertVictimsUntouched();
  }

  @ParameterizedTest
  @MethodSource("resolvers")
  @Timeout(30)
  void fifoOrDirectoryWhereAFileIsReadIsRefusedWithoutBlocking(Beneath beneath) throws Exception {
    Files.createDirectories(image.resolve("etc/fstab.d"));
    Process mkfifo = new ProcessBuilder("mkfifo", image.resolve("etc/fstab").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    try (ImageDir img = open(beneath)) {
      assertThatThrownBy(() -> img.readFile("etc/fstab"))
          .hasMessage(SHOWN + "/etc/fstab is not a regular file; netroot does not read it");
      assertThatThrownBy(() -> img.readFile("etc/fstab.d"))
          .hasMessage(SHOWN + "/etc/fstab.d is not a regular file; netroot does not read it");
      assertThat(img.readIfRegular("etc/fstab")).isEmpty();
      assertThatThrownBy(() -> img.createCharDevice("etc/fstab", 0666, 1, 3, 0, 0))
          .hasMessage("cannot create device node " + SHOWN + "/etc/fstab: File exists");
    }
  }

  @Test
  void imagePathThatIsALinkIsRefusedAndAMissingOneIsAbsent() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link"), image);
    assertThatThrownBy(() -> ImageDir.open(link, "/srv/link"))
        .hasMessage(
            "root image /srv/link is a symbolic link (to "
                + image
                + "); netroot does not follow links to or inside a root image: name the"
                + " directory itself");
    assertThat(ImageDir.open(dir.resolve("missing"), "/srv/missing")).isEmpty();
    Files.writeString(dir.resolve("file"), "");
    assertThatThrownBy(() -> ImageDir.open(dir.resolve("file"), "/srv/file"))
        .hasMessage("root image /srv/file is not a directory");
  }
}
