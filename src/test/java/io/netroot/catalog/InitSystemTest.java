package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.os.ImageDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling the init of a root image from its files, without following its links. */
class InitSystemTest {

  @TempDir Path dir;

  InitSystem.Detected detect(Path image) {
    try (ImageDir img = ImageDir.open(image, "/srv/root").orElseThrow()) {
      return InitSystem.detect(img, "/srv/root");
    }
  }

  @Test
  void usrMergedSystemdImageIsFoundAtTheBinarysRealPlace() throws Exception {
    Path image =
        Files.createDirectories(dir.resolve("image/usr/lib/systemd"))
            .getParent()
            .getParent()
            .getParent();
    Files.writeString(image.resolve("usr/lib/systemd/systemd"), "");
    Files.createSymbolicLink(image.resolve("lib"), Path.of("usr/lib"));

    assertThat(detect(image).init()).isEqualTo(InitSystem.SYSTEMD);
  }

  @Test
  void initLinkingToSystemdIsReadNotFollowed() throws Exception {
    Path image = Files.createDirectories(dir.resolve("image/sbin")).getParent();
    Files.createSymbolicLink(image.resolve("sbin/init"), Path.of("/lib/systemd/systemd"));

    assertThat(detect(image).init()).isEqualTo(InitSystem.SYSTEMD);
  }

  @Test
  void systemdOnlyReachedThroughALinkOutOfTheImageDoesNotCount() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/systemd"));
    Files.writeString(outside.resolve("systemd"), "");
    Path image = Files.createDirectories(dir.resolve("image/etc/rc3.d")).getParent().getParent();
    Files.createSymbolicLink(image.resolve("lib"), dir.resolve("outside"));

    assertThat(detect(image)).isEqualTo(new InitSystem.Detected(InitSystem.SYSV, "/etc"));
  }

  @Test
  void runlevelDirectoryThatIsALinkStillSaysSysvSoTheLinkIsRefusedByName() throws Exception {
    Path image = Files.createDirectories(dir.resolve("image/etc")).getParent();
    Files.createSymbolicLink(image.resolve("etc/rc3.d"), dir.resolve("elsewhere"));

    assertThat(detect(image)).isEqualTo(new InitSystem.Detected(InitSystem.SYSV, "/etc"));
  }

  @Test
  void redHatLayoutIsPreferredOverItsCompatibilityLinks() throws Exception {
    Path image =
        Files.createDirectories(dir.resolve("image/etc/rc.d/rc3.d"))
            .getParent()
            .getParent()
            .getParent();
    Files.createSymbolicLink(image.resolve("etc/rc3.d"), Path.of("rc.d/rc3.d"));

    assertThat(detect(image)).isEqualTo(new InitSystem.Detected(InitSystem.SYSV, "/etc/rc.d"));
  }

  @Test
  void imageWithNeitherIsAnErrorSayingWhatWasLookedFor() throws Exception {
    Path image = Files.createDirectories(dir.resolve("image/etc")).getParent();

    assertThatThrownBy(() -> detect(image))
        .hasMessageContaining("cannot tell the init system of root image /srv/root")
        .hasMessageContaining("/etc/rc.d/rc3.d");
  }
}
