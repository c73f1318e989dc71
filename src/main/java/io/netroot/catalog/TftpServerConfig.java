package io.netroot.catalog;

import java.util.List;
import java.util.Map;

/**
 * Points the TFTP daemon at the TFTP root netroot fills, so that what netroot writes is what the
 * clients are served. On Debian, tftpd-hpa reads {@code TFTP_DIRECTORY} from {@code
 * /etc/default/tftpd-hpa}: netroot manages that one key. On Fedora/RHEL, {@code tftp.service} runs
 * {@code in.tftpd -s /var/lib/tftpboot}: netroot owns a systemd drop-in that sets the directory.
 */
final class TftpServerConfig {

  /** Where Debian's tftpd-hpa init script and unit read their settings. */
  static final String DEBIAN_DEFAULTS = "/etc/default/tftpd-hpa";

  /** Where Fedora's tftp-server installs the daemon its unit runs. */
  static final String FEDORA_IN_TFTPD = "/usr/sbin/in.tftpd";

  private TftpServerConfig() {}

  /** The resources that configure the TFTP daemon on this platform. */
  static List<Resource> resources(ServerLayout layout) {
    if (layout.platform() == Platform.FEDORA) {
      String unit = layout.tftpService().replaceAll("\\.socket$", "") + ".service";
      String dropIn = "/etc/systemd/system/" + unit + ".d/netroot.conf";
      String text =
          "# managed by netroot, edit the specs: changes here are reverted\n"
              + "# Serve the TFTP root netroot fills.\n"
              + "[Service]\n"
              + "ExecStart=\n"
              + "ExecStart="
              + FEDORA_IN_TFTPD
              + " -s "
              + layout.tftpRoot()
              + "\n";
      return List.of(
          new ManagedFile(
              dropIn,
              "TFTP server directory (" + unit + " drop-in)",
              List.of(),
              List.of(ServiceAction.daemonReload(), ServiceAction.restart(layout.tftpService())),
              () -> text));
    }
    return List.of(
        new IniKeys(
            DEBIAN_DEFAULTS,
            "TFTP server directory (TFTP_DIRECTORY of tftpd-hpa)",
            null,
            Map.of("TFTP_DIRECTORY", "\"" + layout.tftpRoot() + "\""),
            List.of(),
            List.of(ServiceAction.restart(layout.tftpService()))));
  }
}
