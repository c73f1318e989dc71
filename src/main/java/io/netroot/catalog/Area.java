package io.netroot.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * What part of the boot server a resource belongs to, as {@code --kind} names it and the plan's
 * summary counts it. Told from the resource's id and path alone, so that a record of the state file
 * whose resource no spec produces any more has an area too.
 */
public enum Area {
  /** The DHCP server's configuration. */
  DHCP,
  /** The TFTP root (bootloaders, PXE menus and host files) and the TFTP server's settings. */
  TFTP,
  /** Exports and the NFS server's settings. */
  NFS,
  /** Root images: their fill or build, device nodes, fstab root line, files and services. */
  IMAGE,
  /** Kernels and initrds in the TFTP root's and the HTTP root's {@code images/}. */
  KERNEL,
  /** The boot server's services. */
  SERVICE,
  /** The HTTP root of {@code loader: ipxe} (its scripts) and the web server's drop-in. */
  HTTP;

  /** The lowercase word: {@code dhcp}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The area a word names.
   *
   * @throws IllegalArgumentException naming the words there are
   */
  public static Area parse(String word) {
    for (Area area : values()) {
      if (area.word().equals(word.toLowerCase(Locale.ROOT))) {
        return area;
      }
    }
    throw new IllegalArgumentException(
        "no kind \""
            + word
            + "\": one of "
            + String.join(", ", Arrays.stream(values()).map(Area::word).toList()));
  }

  /** The area of the resource {@code id} on a server laid out as {@code layout}. */
  public static Area of(ResourceId id, ServerLayout layout) {
    String target = id.target();
    return switch (id.kind()) {
        // a service disabled inside an image is named IMAGE:SERVICE, the image being a path
      case SERVICE -> target.startsWith("/") ? IMAGE : SERVICE;
      case IMAGE, DEVNODE, FSTAB, IMAGEFILE -> IMAGE;
      case NFSD -> NFS;
      case BLOCK -> target.equals(layout.dhcpConfig()) ? DHCP : NFS;
      case KEYS -> isTftpSetting(target) ? TFTP : NFS;
      case FILE -> fileArea(target, layout);
    };
  }

  private static Area fileArea(String path, ServerLayout layout) {
    String tftpRoot = layout.tftpRoot().endsWith("/") ? layout.tftpRoot() : layout.tftpRoot() + "/";
    if (path.startsWith(tftpRoot)) {
      return path.startsWith(tftpRoot + "images/") ? KERNEL : TFTP;
    }
    if (path.equals(layout.dhcpConfig())) {
      return DHCP;
    }
    if (layout.http() != null) {
      String httpRoot =
          layout.http().root().endsWith("/") ? layout.http().root() : layout.http().root() + "/";
      if (path.startsWith(httpRoot)) {
        return path.startsWith(httpRoot + "images/") ? KERNEL : HTTP;
      }
      if (path.equals(layout.http().config())) {
        return HTTP;
      }
    }
    return isTftpSetting(path) ? TFTP : NFS;
  }

  /** {@code /etc/default/tftpd-hpa}, the tftp unit's drop-in: the TFTP server's own settings. */
  private static boolean isTftpSetting(String path) {
    return path.contains("tftp");
  }
}
