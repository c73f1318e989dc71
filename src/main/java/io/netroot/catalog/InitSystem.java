package io.netroot.catalog;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The init system of a root image, as found in its files. */
enum InitSystem {
  SYSTEMD("systemd"),
  SYSV("SysV init");

  /**
   * What was found.
   *
   * @param rcBase for SysV, where the {@code rcN.d} directories are inside the image: {@code
   *     /etc/rc.d} (Red Hat) or {@code /etc} (Debian); empty for systemd
   */
  record Detected(InitSystem init, String rcBase) {}

  private final String label;

  InitSystem(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * systemd first: a systemd image may still carry {@code /etc/rc3.d} for compatibility, while a
   * SysV image has no systemd binary.
   */
  static Detected detect(Path image, String imagePath) {
    if (Files.exists(image.resolve("lib/systemd/systemd"))
        || Files.exists(image.resolve("usr/lib/systemd/systemd"))
        || initLinksToSystemd(image.resolve("sbin/init"))) {
      return new Detected(SYSTEMD, "");
    }
    if (Files.isDirectory(image.resolve("etc/rc.d/rc3.d"))) {
      return new Detected(SYSV, "/etc/rc.d");
    }
    if (Files.isDirectory(image.resolve("etc/rc3.d"))) {
      return new Detected(SYSV, "/etc");
    }
    throw new NetrootException(
        "cannot tell the init system of root image "
            + imagePath
            + ": looked for /lib/systemd/systemd, /usr/lib/systemd/systemd, /sbin/init linking to"
            + " systemd (systemd), and /etc/rc.d/rc3.d, /etc/rc3.d (SysV init)");
  }

  private static boolean initLinksToSystemd(Path init) {
    if (!Files.isSymbolicLink(init)) {
      return false;
    }
    try {
      Path target = Files.readSymbolicLink(init).getFileName();
      return target != null && target.toString().equals("systemd");
    } catch (IOException e) {
      return false;
    }
  }
}
