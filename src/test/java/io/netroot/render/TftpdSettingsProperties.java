package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.BootServer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any TFTP root, the {@code /etc/default/tftpd-hpa} assignment and the {@code tftp.service}
 * command line are either refused or read back, by the shell's and systemd's quoting rules, to
 * exactly that one directory: no second setting, no expansion, no extra argument.
 */
class TftpdSettingsProperties {

  @Property(tries = 1000)
  void shellAssignmentIsRefusedOrReadsBackExactly(@ForAll("roots") String root) {
    coverage();
    String value;
    try {
      value = TftpdSettings.shellValue(server(root), root);
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("spec.tftpRoot");
      return;
    }
    Statistics.label("outcome").collect("read back");
    String file = "TFTP_DIRECTORY=" + value + "\n";

    assertThat(file.lines()).hasSize(1);
    String read = ShellReader.assignment(file.lines().findFirst().orElseThrow(), "TFTP_DIRECTORY");
    assertThat(read).isEqualTo(root);
    assertThat(ShellReader.unquotedUse(read)).containsExactly(root);
  }

  @Property(tries = 1000)
  void execStartIsRefusedOrReadsBackExactly(@ForAll("roots") String root) {
    coverage();
    String word;
    try {
      word = TftpdSettings.systemdWord(server(root), root);
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("spec.tftpRoot");
      return;
    }
    Statistics.label("outcome").collect("read back");
    String dropIn = "[Service]\nExecStart=\nExecStart=/usr/sbin/in.tftpd -s " + word + "\n";

    List<String> lines = dropIn.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("ExecStart=");
    assertThat(SystemdReader.commandLine(lines.get(2).substring("ExecStart=".length())))
        .containsExactly("/usr/sbin/in.tftpd", "-s", root);
  }

  private static void coverage() {
    Statistics.label("outcome")
        .coverage(
            checker -> {
              checker.check("refused").percentage(p -> p > 10);
              checker.check("read back").percentage(p -> p > 10);
            });
  }

  private static BootServer server(String root) {
    return HostileSpecs.server("netroot", "local", root);
  }

  /** Hostile values, most of them absolute so that they get past the first check. */
  @Provide
  Arbitrary<String> roots() {
    return HostileSpecs.values()
        .flatMap(v -> net.jqwik.api.Arbitraries.of("/", "/srv/", "").map(prefix -> prefix + v));
  }
}
