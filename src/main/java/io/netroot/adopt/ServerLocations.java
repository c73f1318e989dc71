package io.netroot.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a boot server keeps what netroot manages: dhcpd.conf, the exports files and the TFTP root,
 * found under the root prefix the way the daemons find them, unless the caller names them.
 *
 * @param dhcpdConf the server path of dhcpd.conf
 * @param tftpRoot the server path of the TFTP root
 * @param tftpRootFrom how the TFTP root was found, for people ({@code TFTP_DIRECTORY in
 *     /etc/default/tftpd-hpa})
 */
public record ServerLocations(String dhcpdConf, String tftpRoot, String tftpRootFrom) {

  /** ISC dhcpd's configuration on Debian and Fedora alike. */
  public static final String DHCPD_CONF = "/etc/dhcp/dhcpd.conf";

  /** Where older systems keep it. */
  static final String OLD_DHCPD_CONF = "/etc/dhcpd.conf";

  /** The exports file. */
  public static final String EXPORTS = "/etc/exports";

  /** Its drop-in directory; exportfs reads {@code *.exports} there. */
  public static final String EXPORTS_D = "/etc/exports.d";

  /** tftpd-hpa's settings on Debian. */
  public static final String TFTPD_HPA = "/etc/default/tftpd-hpa";

  /** The TFTP root of Fedora's tftp-server, and netroot's default there. */
  static final String VAR_LIB_TFTPBOOT = "/var/lib/tftpboot";

  /** Debian's TFTP root. */
  static final String SRV_TFTP = "/srv/tftp";

  /**
   * Finds the files.
   *
   * @param dhcpdConf dhcpd.conf as the user named it, or {@code null} to look for it
   * @param tftpRoot the TFTP root as the user named it, or {@code null} to look for it
   */
  public static ServerLocations find(ServerFiles files, String dhcpdConf, String tftpRoot) {
    String conf = dhcpdConf;
    if (conf == null) {
      conf =
          files.read(DHCPD_CONF).isEmpty() && files.read(OLD_DHCPD_CONF).isPresent()
              ? OLD_DHCPD_CONF
              : DHCPD_CONF;
    }
    if (tftpRoot != null) {
      return new ServerLocations(conf, tftpRoot, "--tftp-root");
    }
    String fromDefaults = files.read(TFTPD_HPA).map(r -> tftpDirectory(r.text())).orElse(null);
    if (fromDefaults != null) {
      return new ServerLocations(conf, fromDefaults, "TFTP_DIRECTORY in " + TFTPD_HPA);
    }
    if (!files.isDirectory(VAR_LIB_TFTPBOOT) && files.isDirectory(SRV_TFTP)) {
      return new ServerLocations(conf, SRV_TFTP, "the directory that is there");
    }
    return new ServerLocations(conf, VAR_LIB_TFTPBOOT, "the default");
  }

  /** {@code TFTP_DIRECTORY="/srv/tftp"} in a shell-style settings file, or {@code null}. */
  static String tftpDirectory(String text) {
    String v = io.netroot.os.ShellSettings.value(text, "TFTP_DIRECTORY").orElse("");
    while (v.length() > 1 && v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.startsWith("/") ? v : null;
  }

  /** The exports files there are: {@code /etc/exports}, then the drop-ins in name order. */
  public static List<String> exportsFiles(ServerFiles files) {
    List<String> out = new ArrayList<>();
    if (files.read(EXPORTS).isPresent()) {
      out.add(EXPORTS);
    }
    for (String name : files.list(EXPORTS_D)) {
      if (name.endsWith(".exports") && files.read(EXPORTS_D + "/" + name).isPresent()) {
        out.add(EXPORTS_D + "/" + name);
      }
    }
    return out;
  }
}
