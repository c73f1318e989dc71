package io.netroot.security;

import static io.netroot.security.Sandbox.BOOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diskless client with a read-write root owns every byte of its image, symlinks included. Links
 * it plants where netroot writes (the fstab, {@code /dev}, the systemd and SysV service
 * directories) must not carry netroot's writes, or its reads, out of the image.
 */
class ImageSymlinkIT {

  static final String SECRET = "SECRET-7f3a9c-not-for-clients";
  static final String LINK = "(?i)link";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  /** The seed's image with extra spec lines. */
  void rootImage(String extra) {
    box.editSpec(
        BOOT, PathEscapeIT.ROOT_IMAGE_END, "  path: " + Sandbox.IMAGE + "\n" + extra + "---\n");
  }

  /** A systemd image that has {@code cups.service}, which the spec disables. */
  void systemdImageDisablingCups() {
    Sandbox.write(box.image().resolve("usr/lib/systemd/systemd"), "");
    Sandbox.write(box.image().resolve("usr/lib/systemd/system/cups.service"), "[Unit]\n");
    rootImage("  disableServices: [cups]\n");
  }

  @Test
  void etcLinkedOutOfTheImageIsRefused() {
    box.victim("etc/fstab", "victim fstab\n");
    box.victimDir("etc/systemd/system");
    systemdImageDisablingCups();
    Sandbox.symlink(box.image().resolve("etc"), box.victims.resolve("etc"));
    Expect.diskRefused(box, LINK, "cent55_root", "etc");
  }

  @Test
  void devLinkedOutOfTheImageIsRefused() {
    box.victim("dev/null", "victim, a regular file where mknod would make a node\n");
    rootImage("  devices: static\n");
    Sandbox.symlink(box.image().resolve("dev"), box.victims.resolve("dev"));
    Expect.diskRefused(box, LINK, "cent55_root", "dev");
  }

  @Test
  void systemdUnitDirectoryLinkedOutOfTheImageIsRefused() {
    box.victim("units/keep.service", "[Unit]\nDescription=victim\n");
    systemdImageDisablingCups();
    Sandbox.symlink(box.image().resolve("etc/systemd/system"), box.victims.resolve("units"));
    Expect.diskRefused(box, LINK, "cent55_root", "etc/systemd/system");
  }

  @Test
  void sysvRunlevelDirectoryLinkedOutOfTheImageIsRefused() {
    // A Debian-style SysV image: etc/init.d and etc/rcN.d. Its rc3.d is the victim's directory,
    // whose S20cups link netroot would rename to K80cups.
    Sandbox.write(box.image().resolve("etc/init.d/cups"), "#!/bin/sh\n");
    Sandbox.symlink(box.victims.resolve("rc3.d/S20cups"), Path.of("../init.d/cups"));
    Sandbox.symlink(box.image().resolve("etc/rc3.d"), box.victims.resolve("rc3.d"));
    rootImage("  disableServices: [cups]\n");
    Expect.diskRefused(box, LINK, "cent55_root", "etc/rc3.d");
  }

  @Test
  void fstabLinkedToASecretNeverCopiesTheSecret() {
    // Refusing, or replacing the link by a file holding only the root line, both keep the secret
    // where it was: out of the image (which its clients read), the backups, the state and plan.
    Path secret = box.victim("secret", SECRET + "\n");
    box.sh("chmod", "0600", secret.toString());
    Sandbox.mkdirs(box.image().resolve("etc"));
    Sandbox.symlink(box.image().resolve("etc/fstab"), secret);

    Expect.planThenApply(
        command -> {
          Tree outside = box.outside();
          Confined.Run run = box.agent(command);
          Expect.unchanged(outside, box.outside(), "outside the root", run);
          assertThat(Tree.filesContaining(box.root, SECRET))
              .as("files under the root holding the secret after " + command + run.show())
              .isEmpty();
          assertThat(run.output())
              .as("the secret shown by " + command + run.show())
              .doesNotContain(SECRET);
          assertThat(run.exit()).as("refused (1) or link replaced (0)" + run.show()).isIn(0, 1);
          Expect.clean(run);
          if (run.exit() == 1) {
            assertThat(run.output())
                .as("names the fstab" + run.show())
                .contains("cent55_root/etc/fstab");
          }
        });
  }
}
