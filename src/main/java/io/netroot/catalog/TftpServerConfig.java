package io.netroot.catalog;

import io.netroot.render.TftpdSettings;
import io.netroot.spec.BootServer;
import java.util.List;
import java.util.Map;

/**
 * Points the TFTP daemon at the TFTP root netroot fills, so that what netroot writes is what the
 * clients are served. On Debian, tftpd-hpa reads {@code TFTP_DIRECTORY} from {@code
 * /etc/default/tftpd-hpa}: netroot manages that one key. On Fedora/RHEL, {@code tftp.service} runs
 * {@code in.tftpd -s /var/lib/tftpboot}: netroot owns a systemd drop-in that sets the directory.
 *
 * <p>The directory is quoted for each reader by {@link TftpdSettings}: a shell sources the Debian
 * file as root and systemd runs the drop-in's command line as root, so a directory that either
 * would read as anything but one directory is refused. The refusal comes while the catalog is
 * compiled: every TFTP path hangs on this directory, so nothing is written.
 */
final class TftpServerConfig {

  /** Where Debian's tftpd-hpa init script and unit read their settings. */
  static final String DEBIAN_DEFAULTS = "/etc/default/tftpd-hpa";

  /** Where Fedora's tftp-server installs the daemon its unit runs. */
  static final String FEDORA_IN_TFTPD = "/usr/sbin/in.tftpd";

  private TftpServerConfig() {}

  /**
   * The resources that configure the TFTP daemon on this platform.
   *
   * @param server the boot server the layout was resolved from, named when its TFTP root is refused
   */
  static List<Resource> resources(ServerLayout layout, BootServer server) {
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
              + TftpdSettings.systemdWord(server, layout.tftpRoot())
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
            Map.of("TFTP_DIRECTORY", TftpdSettings.shellValue(server, layout.tftpRoot())),
            List.of(),
            List.of(ServiceAction.restart(layout.tftpService()))));
  }
}
