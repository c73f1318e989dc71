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

  static Map<String, String> keys() throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(UNIT)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        keys.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return keys;
  }

  @Test
  void theUnitIsANotifyServiceWithWatchdogRestartAndHardening() throws Exception {
    Map<String, String> keys = keys();
    assertThat(keys)
        .containsEntry("Type", "notify")
        .containsEntry("ExecStart", "/usr/bin/java -jar /usr/share/netroot/netroot.jar run")
        .containsEntry("Restart", "on-failure")
        .containsEntry("ProtectSystem", "strict")
        .containsEntry("ProtectHome", "yes")
        .containsEntry("PrivateTmp", "yes")
        .containsEntry("NoNewPrivileges", "yes")
        .containsKey("WatchdogSec");
    List<String> writable =
        List.of(keys.get("ReadWritePaths").split(" ")).stream()
            .map(p -> p.startsWith("-") ? p.substring(1) : p)
            .toList();
    assertThat(writable)
        .contains(
            "/etc/dhcp",
            "/etc/exports",
            "/etc/exports.d",
            "/etc/nfs.conf",
            "/srv/tftp",
            "/var/lib/tftpboot",
            "/var/lib/netroot",
            "/srv/nfsroot");
  }
}
