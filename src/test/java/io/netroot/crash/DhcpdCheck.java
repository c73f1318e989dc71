package io.netroot.crash;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** ISC dhcpd's own check of a dhcpd.conf, as DhcpdValidationIT runs it. */
final class DhcpdCheck {

  private DhcpdCheck() {}

  /** Whether {@code dhcpd} is installed ({@code bin/setup} installs it). */
  static boolean available() {
    return CommandRunner.find("dhcpd").isPresent();
  }

  /**
   * What {@code dhcpd -t -cf FILE} says against {@code conf}, or {@code null} when it accepts it or
   * there is no such file.
   */
  static String rejects(Path scratch, Path conf) {
    if (!Files.exists(conf)) {
      return null;
    }
    String dhcpd = CommandRunner.find("dhcpd").orElseThrow().toString();
    AgentProcess.Result check =
        AgentProcess.program(scratch, List.of(dhcpd, "-4", "-q", "-t", "-cf", conf.toString()))
            .await(Duration.ofMinutes(1));
    return check.exit() == 0
        ? null
        : "exit " + check.exit() + ": " + CrashTrial.firstLines(check.both());
  }
}
