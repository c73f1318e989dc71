package io.netroot.cli;

import io.netroot.engine.Options;
import io.netroot.engine.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent apply}: converge once. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the boot server match the specs, once.",
      "Order: NFS exports, TFTP tree, then DHCP.",
      "Files are replaced atomically; a hand-edited file is backed up before it is overwritten; "
          + "dhcpd.conf is checked with dhcpd -t before it is installed. Exit 0 success, 1 on any failure."
    })
final class ApplyCommand implements Callable<Integer> {

  @Mixin SpecOptions options;
  @Mixin OutputOptions output;
  @Mixin ScopeOptions scope;
  @Spec CommandSpec spec;

  @Option(
      names = "--prune",
      description =
          "Also remove files no spec produces from pxelinux.cfg/ and images/ (backed up first).")
  boolean prune;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "Wait this long for another netroot (agent run) to let go of the lock (default: 30s).")
  String lockTimeout;

  @Override
  public Integer call() {
    Report report =
        Reconciliation.run(
            options,
            Options.apply(prune),
            RunCommand.duration("--lock-timeout", lockTimeout),
            scope.selection());
    new ReportPrinter(spec.commandLine().getOut(), options.rootFs(), output).print("apply", report);
    return report.hasFailures() ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
