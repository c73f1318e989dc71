package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The manual page and the bash completion made from the command line's model. */
class ManPageTest {

  static final LocalDate DATE = LocalDate.of(2024, 1, 2);

  static String page() {
    return ManPage.render(Main.newCommandLine(), "netroot-agent", "9.9", DATE);
  }

  @Test
  void theHeaderAndNameSectionAreThoseOfSectionOne() {
    List<String> lines = page().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(".TH \"NETROOT\\-AGENT\" 1 \"2024-01-02\" \"netroot 9.9\" \"netroot manual\"");
    assertThat(lines.get(1)).isEqualTo(".SH NAME");
    // what lexgrog (whatis, apropos) reads: the name, "\-", one line of summary
    assertThat(lines.get(2))
        .isEqualTo(
            "netroot\\-agent \\- keeps a diskless network\\-boot server (DHCP, TFTP/PXE, NFS)"
                + " as the specs describe it");
    assertThat(page())
        .contains(
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SH EXIT STATUS",
            ".SH FILES");
  }

  @Test
  void everyVisibleCommandHasASectionAndHiddenOnesHaveNone() {
    String page = page();
    CommandLine commandLine = Main.newCommandLine().setCommandName("netroot-agent");
    List<CommandLine> commands = ManPage.allCommands(commandLine);
    assertThat(commands)
        .extracting(ManPage::qualifiedName)
        .contains(
            "netroot-agent validate",
            "netroot-agent plan",
            "netroot-agent apply",
            "netroot-agent drift",
            "netroot-agent run",
            "netroot-agent images rollback",
            "netroot-agent bench generate",
            "netroot-agent help")
        .doesNotContain("netroot-agent bench train", "netroot-agent bench pass")
        .doesNotHaveDuplicates();
    for (CommandLine command : commands) {
      String name = ManPage.qualifiedName(command);
      assertThat(page).contains(".SS \"" + ManPage.text(name) + "\"\n");
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (!option.hidden() && !option.usageHelp() && !option.versionHelp()) {
          assertThat(page).as(name).contains(".TP\n\\fB" + ManPage.text(option.longestName()));
        }
      }
    }
    assertThat(page).doesNotContain("\\-\\-stats").doesNotContain("bench train");
  }

  @Test
  void optionsShowTheirValueAndTheirDescriptionWithDefaultsFilledIn() {
    String page = page();
    assertThat(page)
        .contains(
            ".TP\n\\fB\\-\\-specs\\fR=\\fIDIR\\fR\n"
                + "Directory of *.yaml/*.yml specs, read recursively (default: /etc/netroot/specs).")
        .contains(".TP\n\\fB\\-\\-detailed\\-exitcode\\fR\n")
        .contains(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n")
        .contains(".TP\n\\fINAME\\fR\nThe image: its name in the specs, or its path.")
        .doesNotContain("${DEFAULT-VALUE}");
  }

  @Test
  void textIsEscapedForRoff() {
    assertThat(ManPage.text("--root=a\\b")).isEqualTo("\\-\\-root=a\\eb");
    assertThat(ManPage.text(".hidden\n'quote\nmid.dle"))
        .isEqualTo("\\&.hidden\n\\&'quote\nmid.dle");
    assertThat(ManPage.text("N,… → ok")).isEqualTo("N,\\[u2026] \\[u2192] ok");
    assertThat(page()).as("ASCII only").matches("[\\x00-\\x7f]*");
    assertThat(ManPage.quoted("say \"hi\"")).isEqualTo("\"say \\(dqhi\\(dq\"");
    // no line of the page starts with an unknown request made from model text
    for (String line : page().lines().toList()) {
      if (line.startsWith(".")) {
        assertThat(line).matches("\\.(TH|SH|SS|PP|TP|br|B|I|BR) ?.*|\\.(PP|TP|br)");
      }
    }
  }

  @Test
  void packageFilesWritesThePageAndTheCompletion(@TempDir Path dir) throws Exception {
    PackageFiles.write(dir, Map.of("SOURCE_DATE_EPOCH", "86400"));
    assertThat(Files.readString(dir.resolve("netroot-agent.1")))
        .startsWith(".TH \"NETROOT\\-AGENT\" 1 \"1970-01-02\"");
    assertThat(Files.readString(dir.resolve("netroot-agent.bash")))
        .as("sourced by bash-completion, not run: no #! line")
        .doesNotStartWith("#!")
        .contains("function _picocli_netroot-agent_plan()")
        .contains("function _picocli_netroot-agent_images_rollback()")
        .contains("complete -F _complete_netroot-agent")
        .contains("--detailed-exitcode")
        .doesNotContain("_picocli_netroot-agent_bench_train")
        .doesNotContain("--stats");
  }

  @Test
  void theDateIsSourceDateEpochsDayOrToday() {
    assertThat(PackageFiles.date(Map.of("SOURCE_DATE_EPOCH", "1700000000")))
        .isEqualTo(LocalDate.of(2023, 11, 14));
    assertThat(PackageFiles.date(Map.of())).isBeforeOrEqualTo(LocalDate.now().plusDays(1));
  }
}
