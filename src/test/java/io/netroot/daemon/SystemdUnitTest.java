package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped unit has what {@code agent run} relies on; SystemdUnitIT has systemd check it. */
class SystemdUnitTest {

  static final Path UNIT = Path.of("systemd/netroot-agent.service");

  /** The unit's settings; a key given on several lines has its values joined by a space. */
  static Map<String, String> keys() throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(UNIT)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        keys.merge(line.substring(0, eq), line.substring(eq + 1), (a, b) -> a + " " + b);
      }
    }
    return keys;
  }

  /** The text of the unit's comment lines, which explain each setting left off. */
  static String comments() throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(UNIT)) {
      if (line.startsWith("#")) {
        text.append(line, 1, line.length()).append('\n');
      }
    }
    return text.toString();
  }

  static List<String> writablePaths() throws Exception {
    return List.of(keys().get("ReadWritePaths").split(" ")).stream()
        .map(p -> p.startsWith("-") ? p.substring(1) : p)
        .toList();
  }

  @Test
  void theUnitIsANotifyServiceWithWatchdogAndRestart() throws Exception {
    assertThat(keys())
        .containsEntry("Type", "notify")
        .containsEntry(
            "ExecStart", "/usr/bin/netroot-agent run --specs ${NETROOT_SPECS} $NETROOT_OPTS")
        .containsEntry("Restart", "on-failure")
        .containsKey("WatchdogSec");
  }

  @Test
  void theUnitRunsTheInstalledCommandWithTheSettingsOfEtcDefaultNetroot() throws Exception {
    // the default stands unless /etc/default/netroot (read if it exists) sets it
    assertThat(keys())
        .containsEntry("Environment", "NETROOT_SPECS=/etc/netroot/specs")
        .containsEntry("EnvironmentFile", "-/etc/default/netroot")
        .containsEntry("CacheDirectory", "netroot");
    assertThat(keys().get("Documentation")).contains("man:netroot-agent(1)");
  }

  @Test
  void theUnitIsHardenedForAnAgentThatWritesFilesAndRunsTools() throws Exception {
    assertThat(keys())
        .containsEntry("ProtectSystem", "strict")
        .containsEntry("ProtectHome", "yes")
        .containsEntry("PrivateTmp", "yes")
        .containsEntry("NoNewPrivileges", "yes")
        .containsEntry("ProtectKernelTunables", "yes")
        .containsEntry("ProtectKernelModules", "yes")
        .containsEntry("ProtectKernelLogs", "yes")
        .containsEntry("ProtectClock", "yes")
        .containsEntry("ProtectHostname", "yes")
        .containsEntry("ProtectControlGroups", "yes")
        .containsEntry("RestrictNamespaces", "yes")
        .containsEntry("RestrictRealtime", "yes")
        .containsEntry("LockPersonality", "yes")
        .containsEntry("SystemCallArchitectures", "native")
        .containsEntry("SystemCallFilter", "@system-service")
        .containsEntry("DevicePolicy", "closed");
    assertThat(keys().get("RestrictAddressFamilies").split(" "))
        .contains("AF_UNIX", "AF_INET", "AF_INET6")
        .doesNotContain("AF_PACKET");
  }

  @Test
  void theCapabilitiesAreThoseOfWritingFileTreesAsRoot() throws Exception {
    assertThat(keys().get("CapabilityBoundingSet").split(" "))
        .containsExactlyInAnyOrder(
            "CAP_CHOWN",
            "CAP_FOWNER",
            "CAP_DAC_OVERRIDE",
            "CAP_FSETID",
            "CAP_MKNOD",
            "CAP_SETFCAP");
    // mknod of static /dev nodes needs both the capability and the device policy's "m"
    assertThat(keys().get("DeviceAllow")).isEqualTo("char-* m block-* m");
    assertThat(keys()).doesNotContainKey("PrivateDevices");
  }

  @Test
  void settingsThatWouldBreakTheJvmOrImageFillsStayOff() throws Exception {
    assertThat(keys())
        .doesNotContainKey("MemoryDenyWriteExecute")
        .doesNotContainKey("RestrictSUIDSGID")
        .doesNotContainKey("PrivateUsers")
        .doesNotContainKey("User")
        .doesNotContainKey("DynamicUser");
    // directories netroot creates take the umask and tftpd reads them as the tftp user
    assertThat(keys()).containsEntry("UMask", "0022");
  }

  @Test
  void everyDirectoryTheAgentWritesInIsWritable() throws Exception {
    assertThat(writablePaths())
        .contains(
            "/etc/dhcp",
            "/etc/exports.d",
            "/etc/nfs.conf.d",
            "/srv/tftp",
            "/var/lib/tftpboot",
            "/var/lib/netroot",
            "/var/lib/nfs",
            "/srv/nfsroot");
  }

  @Test
  void singleFilesAreWritableOnlyWhereTheirDirectoryMustStayReadOnly() throws Exception {
    List<String> files =
        writablePaths().stream()
            .filter(p -> p.matches("/etc/(exports|nfs\\.conf|default/.*)"))
            .toList();
    assertThat(files)
        .containsExactlyInAnyOrder("/etc/exports", "/etc/nfs.conf", "/etc/default/tftpd-hpa");
    assertThat(writablePaths())
        .as("only the daemons' own files and directories, never all of /etc or /var")
        .doesNotContain("/etc", "/etc/default", "/var", "/var/lib", "/srv");
    assertThat(comments()).contains("rewritten in place");
  }
}
