package io.netroot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code agent} command: validate, plan, apply, drift, backups, run, status and import. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Keeps a diskless network-boot server (DHCP, TFTP/PXE, NFS) as the specs describe it.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DriftCommand.class,
      BackupsCommand.class,
      ImagesCommand.class,
      RunCommand.class,
      StatusCommand.class,
      HostsCommand.class,
      CheckCommand.class,
      SchemaCommand.class,
      BenchCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success; 1 error or invalid specs;",
      "            2 changes pending (plan --detailed-exitcode) or drift found (drift).",
      "Docs: README.md and docs/ in the netroot repository."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Hidden: print the peak heap and RSS to stderr at exit, for {@code agent bench run}. Read by
   * {@link #main}, which runs once per process: the exit is the process's.
   */
  @CommandLine.Option(names = "--stats", hidden = true)
  boolean stats;

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--stats")) {
      ProcessStats.installAtExit(System.err);
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /**
   * Runs the command line with its output to {@code out} and {@code err} and returns its exit code:
   * for callers in the same JVM that read what it printed, such as the crash harness.
   */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return newCommandLine().setOut(out).setErr(err).execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required (validate, plan, apply, drift, backups, run, status, bench, import)");
  }
}
