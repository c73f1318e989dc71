package io.netroot.cli;

import picocli.CommandLine.Option;

/** How a report is shown. */
final class OutputOptions {

  @Option(names = "--json", description = "Print a machine-readable JSON document instead of text.")
  boolean json;

  @Option(names = "--no-diff", description = "Leave the unified diffs out of the text output.")
  boolean noDiff;
}
