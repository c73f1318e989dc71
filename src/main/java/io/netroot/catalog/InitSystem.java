package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.DeviceFiles;
import io.netroot.os.ImageDir;

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
   * SysV image has no systemd binary. Everything is looked at inside the image without following a
   * link: a binary only reached through one ({@code lib -> usr/lib}) is looked for at its real
   * place too, and an {@code rc3.d} that is a link still says SysV, so that the link is then
   * refused by name rather than followed.
   */
  static Detected detect(ImageDir image, String imagePath) {
    if (image.find("lib/systemd/systemd").isPresent()
        || image.find("usr/lib/systemd/systemd").isPresent()
        || initLinksToSystemd(image)) {
      return new Detected(SYSTEMD, "");
    }
    if (isDirectoryOrLink(image, "etc/rc.d/rc3.d")) {
      return new Detected(SYSV, "/etc/rc.d");
    }
    if (isDirectoryOrLink(image, "etc/rc3.d")) {
      return new Detected(SYSV, "/etc");
    }
    throw unknown(imagePath);
  }

  /** The error for an image whose init is neither, or that does not exist yet. */
  static NetrootException unknown(String imagePath) {
    return new NetrootException(
        "cannot tell the init system of root image "
            + imagePath
            + ": looked for /lib/systemd/systemd, /usr/lib/systemd/systemd, /sbin/init linking to"
            + " systemd (systemd), and /etc/rc.d/rc3.d, /etc/rc3.d (SysV init)");
  }

  private static boolean isDirectoryOrLink(ImageDir image, String rel) {
    return image
        .find(rel)
        .filter(n -> n.type() == DeviceFiles.Type.DIRECTORY || n.type() == DeviceFiles.Type.SYMLINK)
        .isPresent();
  }

  /** {@code sbin/init -> ../lib/systemd/systemd}: only the link's own text is read. */
  private static boolean initLinksToSystemd(ImageDir image) {
    return image
        .find("sbin/init")
        .filter(n -> n.type() == DeviceFiles.Type.SYMLINK)
        .map(n -> n.linkTarget().endsWith("/systemd") || n.linkTarget().equals("systemd"))
        .orElse(false);
  }
}
