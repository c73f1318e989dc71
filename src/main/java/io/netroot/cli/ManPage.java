package io.netroot.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page {@code netroot-agent(1)} in roff with the {@code man} macros, made from the
 * picocli model of the command line: every command that is not hidden, with its synopsis, its
 * description and its options and parameters, as {@code --help} shows them. Only the sections
 * around them (exit status, environment, files, see also) are fixed text here. The package build
 * writes it ({@link PackageFiles}), so the page always matches the commands of the jar it ships
 * with.
 *
 * <p>Text from the model is escaped for roff: a backslash is {@code \e}, a hyphen {@code \-} (a
 * minus, so that options copied from the page work), and a line that would start with a control
 * character ({@code .} or {@code '}) starts with {@code \&}. Characters beyond ASCII are groff's
 * Unicode escapes ({@code …} is {@code \[u2026]}), so the page reads the same in any locale.
 */
final class ManPage {

  private ManPage() {}

  /**
   * The page for {@code commandLine}, whose command is called {@code name} on the page.
   *
   * @param version the version shown in the page's footer, such as {@code 0.1.0}
   * @param date the date shown in the page's footer
   */
  static String render(CommandLine commandLine, String name, String version, LocalDate date) {
    commandLine.setCommandName(name);
    CommandSpec root = commandLine.getCommandSpec();
    StringBuilder page = new StringBuilder();
    page.append(".TH ")
        .append(quoted(text(name.toUpperCase(java.util.Locale.ROOT))))
        .append(" 1 ")
        .append(quoted(date.toString()))
        .append(' ')
        .append(quoted("netroot " + version))
        .append(' ')
        .append(quoted("netroot manual"))
        .append('\n');

    page.append(".SH NAME\n");
    page.append(text(name)).append(" \\- ").append(text(summary(root))).append('\n');

    page.append(".SH SYNOPSIS\n");
    page.append(bold(text(name))).append(" \\fICOMMAND\\fR [\\fIOPTION\\fR]...\n.br\n");
    page.append(bold(text(name))).append(" [").append(bold("\\-\\-help")).append("|");
    page.append(bold("\\-\\-version")).append("]\n");
    for (CommandLine command : allCommands(commandLine)) {
      page.append(".br\n").append(bold(text(qualifiedName(command))));
      page.append(" [\\fIOPTION\\fR]...");
      for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
        if (!parameter.hidden()) {
          page.append(' ').append(label(parameter));
        }
      }
      page.append('\n');
    }

    page.append(".SH DESCRIPTION\n");
    paragraphs(page, root.usageMessage().description());
    page.append(".PP\n")
        .append(text(name))
        .append(" is the installed command that the netroot documentation calls ")
        .append(bold("agent"))
        .append(": ")
        .append(bold(text(name + " plan")))
        .append(" is ")
        .append(bold("agent plan"))
        .append(". The service ")
        .append(bold("netroot-agent.service"))
        .append(" runs ")
        .append(bold(text(name + " run")))
        .append(
            "; it is not enabled when the package is installed: put the specs in "
                + "/etc/netroot/specs first, check them with ")
        .append(bold(text(name + " plan")))
        .append(", then ")
        .append(bold("systemctl enable \\-\\-now netroot-agent"))
        .append(".\n");

    page.append(".SH OPTIONS\n");
    options(page, root, true);

    page.append(".SH COMMANDS\n");
    page.append("Every command also takes ")
        .append(bold("\\-h"))
        .append(", ")
        .append(bold("\\-\\-help"))
        .append(" (show its usage) and ")
        .append(bold("\\-V"))
        .append(", ")
        .append(bold("\\-\\-version"))
        .append(".\n");
    for (CommandLine command : allCommands(commandLine)) {
      CommandSpec spec = command.getCommandSpec();
      page.append(".SS ").append(quoted(text(qualifiedName(command)))).append('\n');
      page.append(".PP\n").append(synopsis(command)).append('\n');
      paragraphs(page, spec.usageMessage().description());
      for (PositionalParamSpec parameter : spec.positionalParameters()) {
        if (!parameter.hidden()) {
          item(page, label(parameter), parameter);
        }
      }
      options(page, spec, false);
    }

    page.append(FIXED_SECTIONS);
    return page.toString();
  }

  /** The sections that do not come from the command line's model. */
  static final String FIXED_SECTIONS =
      """
      .SH EXIT STATUS
      .TP
      .B 0
      Success.
      .TP
      .B 1
      An error, invalid specs, or a resource that failed.
      .TP
      .B 2
      From \\fBplan \\-\\-detailed\\-exitcode\\fR: there are changes to make.
      From \\fBdrift\\fR: drift was found.
      .SH ENVIRONMENT
      .TP
      .B NETROOT_JAVA_OPTS
      More options for the Java virtual machine, after those the launcher chooses.
      .TP
      .B NETROOT_CDS
      \\fBoff\\fR: start Java without the class archive (/var/cache/netroot/netroot.jsa),
      which the launcher otherwise makes on its first run as root and uses after.
      .TP
      .B NETROOT_GIT_CREDENTIALS
      A file, readable only by its owner, with the login for a specs repository behind one
      (\\fBusername=\\fR and \\fBpassword=\\fR lines).
      .PP
      The service reads these, and \\fBNETROOT_SPECS\\fR and \\fBNETROOT_OPTS\\fR, from
      /etc/default/netroot.
      .SH FILES
      .TP
      .I /etc/netroot/specs/
      The specs (YAML), read recursively; the default of \\fB\\-\\-specs\\fR.
      .TP
      .I /etc/default/netroot
      The settings of netroot\\-agent.service: the specs directory and more options for
      \\fBrun\\fR.
      .TP
      .I /var/lib/netroot/
      What netroot last wrote (state.json), the status of the last pass (status.json),
      the lock, and backups/, the copies of hand\\-edited files it overwrote.
      .TP
      .I /var/cache/netroot/
      The class archive that shortens the Java start.
      .TP
      .I /usr/share/doc/netroot/
      README.md, the documents under docs/, and examples/ of specs.
      .SH SEE ALSO
      .BR systemctl (1),
      .BR journalctl (1),
      .BR dhcpd (8),
      .BR in.tftpd (8),
      .BR exportfs (8),
      .BR mmdebstrap (1)
      """;

  /** Every command below {@code commandLine} that is not hidden, depth first, each once. */
  static List<CommandLine> allCommands(CommandLine commandLine) {
    List<CommandLine> all = new ArrayList<>();
    Set<CommandLine> seen = new LinkedHashSet<>();
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      // aliases map to the same command
      if (seen.add(sub) && !sub.getCommandSpec().usageMessage().hidden()) {
        all.add(sub);
        all.addAll(allCommands(sub));
      }
    }
    return all;
  }

  /** The main command's first description line, lower-cased and without its full stop. */
  static String summary(CommandSpec root) {
    String first = root.usageMessage().description()[0].strip();
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    return Character.toLowerCase(first.charAt(0)) + first.substring(1);
  }

  static String qualifiedName(CommandLine command) {
    return command.getCommandSpec().qualifiedName(" ");
  }

  /** The command's synopsis as {@code --help} shows it, on one line, its name in bold. */
  static String synopsis(CommandLine command) {
    String name = qualifiedName(command);
    String synopsis =
        new Help(command.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF))
            .synopsis(0)
            .strip()
            .replaceAll("\\s+", " ");
    String rest = synopsis.startsWith(name) ? synopsis.substring(name.length()) : " " + synopsis;
    return bold(text(name)) + text(rest);
  }

  /** A paragraph for each description line; a {@code %n} inside one breaks the line. */
  static void paragraphs(StringBuilder page, String[] description) {
    for (String line : description) {
      page.append(".PP\n");
      page.append(String.join("\n.br\n", formatted(line).lines().map(ManPage::text).toList()));
      page.append('\n');
    }
  }

  /** The options of {@code spec} that are not hidden, sorted as {@code --help} sorts them. */
  static void options(StringBuilder page, CommandSpec spec, boolean withHelpOptions) {
    List<OptionSpec> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      boolean helpOption = option.usageHelp() || option.versionHelp();
      if (!option.hidden() && (withHelpOptions || !helpOption)) {
        options.add(option);
      }
    }
    if (spec.usageMessage().sortOptions()) {
      options.sort(Help.createShortOptionArityAndNameComparator());
    }
    for (OptionSpec option : options) {
      List<String> names = new ArrayList<>();
      for (String optionName : option.names()) {
        names.add(bold(text(optionName)));
      }
      String tag = String.join(", ", names);
      if (option.arity().max() > 0) {
        String value = "\\fI" + text(option.paramLabel()) + "\\fR";
        tag += option.arity().min() == 0 ? "[=" + value + "]" : "=" + value;
      }
      item(page, tag, option);
    }
  }

  /** One entry of a list: {@code tag}, then the argument's description indented below it. */
  static void item(StringBuilder page, String tag, ArgSpec arg) {
    page.append(".TP\n").append(tag).append('\n');
    List<String> lines = new ArrayList<>();
    for (String line : arg.renderedDescription()) {
      formatted(line).lines().map(ManPage::text).forEach(lines::add);
    }
    page.append(String.join("\n.br\n", lines)).append('\n');
  }

  /** A positional parameter as the synopsis writes it: {@code NAME}, or {@code [NAME]}. */
  static String label(PositionalParamSpec parameter) {
    String label = "\\fI" + text(parameter.paramLabel()) + "\\fR";
    return parameter.arity().min() == 0 ? "[" + label + "]" : label;
  }

  /** A description line with picocli's format specifiers applied: {@code %n} and {@code %%}. */
  static String formatted(String line) {
    return line.replace("%n", "\n").replace("%%", "%");
  }

  /** {@code roff}, text already escaped, in bold. */
  static String bold(String roff) {
    return "\\fB" + roff + "\\fR";
  }

  /** A macro argument in double quotes; a double quote inside becomes {@code \(dq}. */
  static String quoted(String roff) {
    return '"' + roff.replace("\"", "\\(dq") + '"';
  }

  /**
   * Plain text as roff text: backslashes and hyphens escaped, and each line that would start with a
   * control character guarded.
   */
  static String text(String plain) {
    StringBuilder roff = new StringBuilder(plain.length() + 8);
    boolean lineStart = true;
    for (int i = 0; i < plain.length(); i = plain.offsetByCodePoints(i, 1)) {
      int c = plain.codePointAt(i);
      if (lineStart && (c == '.' || c == '\'')) {
        roff.append("\\&");
      }
      if (c == '\\') {
        roff.append("\\e");
      } else if (c == '-') {
        roff.append("\\-");
      } else if (c > '~') {
        roff.append(String.format("\\[u%04X]", c));
      } else {
        roff.appendCodePoint(c);
      }
      lineStart = c == '\n';
    }
    return roff.toString();
  }
}
