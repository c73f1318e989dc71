package io.netroot.cli;

import io.netroot.engine.Options;
import io.netroot.engine.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent drift}: what changed on disk since netroot last wrote it. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Find hand edits since netroot last applied, with diffs.",
      "Reports every managed file or block that differs from what netroot last wrote, in content "
          + "or in mode and owner, and files no spec produces in the directories netroot owns.",
      "Exit 0 no drift, 2 drift found, 1 error."
    })
final class DriftCommand implements Callable<Integer> {

  @Mixin SpecOptions options;
  @Mixin OutputOptions output;
  @Mixin ScopeOptions scope;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Report report = Reconciliation.run(options, Options.plan(), null, scope.selection());
    new ReportPrinter(spec.commandLine().getOut(), options.rootFs(), output).printDrift(report);
    if (report.hasFailures()) {
      return ExitCodes.ERROR;
    }
    return report.hasDrift() ? ExitCodes.CHANGES : ExitCodes.OK;
  }
}
