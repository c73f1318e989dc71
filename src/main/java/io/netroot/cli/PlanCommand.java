package io.netroot.cli;

import io.netroot.engine.Options;
import io.netroot.engine.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent plan}: what apply would do, with diffs; changes nothing. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show what apply would change, with diffs; change nothing.",
      "Lists every create, update and delete with its reason, marks hand edits, and shows unified "
          + "diffs. Nothing on disk changes and no service is touched."
    })
final class PlanCommand implements Callable<Integer> {

  @Mixin SpecOptions options;
  @Mixin OutputOptions output;
  @Mixin ScopeOptions scope;
  @Spec CommandSpec spec;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 0 when there is nothing to change, 2 when there are changes, 1 on error.")
  boolean detailedExitCode;

  @Option(
      names = "--prune",
      description = "Plan for apply --prune: also list unexpected files it would remove.")
  boolean prune;

  @Override
  public Integer call() {
    Report report = Reconciliation.run(options, new Options(true, prune), null, scope.selection());
    new ReportPrinter(spec.commandLine().getOut(), options.rootFs(), output).print("plan", report);
    if (report.hasFailures()) {
      return ExitCodes.ERROR;
    }
    return detailedExitCode && report.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
  }
}
