package io.netroot.cli;

import picocli.CommandLine.Option;

/** How a report is shown. */
final class OutputOptions {

  @Option(names = "--json", description = "Print a machine-readable JSON document instead of text.")
  boolean json;

  @Option(names = "--no-diff", description = "Leave the unified diffs out of the text output.")
  boolean noDiff;

  @Option(
      names = "--full",
      description =
          "On a terminal, list every change and diff: changes of the same shape (the PXE files of "
              + "many hosts), and blocks of the same shape inside one diff (the host blocks of "
              + "dhcpd.conf), are otherwise folded after the first "
              + FleetView.SHOWN
              + ".")
  boolean full;

  @Option(
      names = "--fold",
      description = "Fold as on a terminal also when the output is piped (to a pager, say).")
  boolean fold;

  /**
   * Whether text is coloured: on a terminal, unless {@code NO_COLOR} is set (no-color.org) or the
   * terminal is {@code dumb}.
   */
  boolean colours() {
    String noColor = System.getenv("NO_COLOR");
    return !json
        && System.console() != null
        && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(System.getenv("TERM"));
  }

  /** Whether long runs of changes of one shape are folded. */
  boolean folds() {
    return !full && !json && (fold || System.console() != null);
  }
}
