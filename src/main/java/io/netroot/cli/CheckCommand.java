package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.check.BootServerChecks;
import io.netroot.check.Check;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.os.CommandRunner;
import io.netroot.spec.SpecLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent check}: is the boot server really able to boot its hosts. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the boot server: does it match the specs, is each managed service installed, "
          + "enabled and running, does nfsd offer the NFS versions of the specs, has this machine "
          + "an interface in each managed network (named in INTERFACESv4 when that is set), is each "
          + "export exported, can the TFTP server's user read every TFTP file.",
      "One line per check, with the fix for a failure. Changes nothing. Exit 0 when nothing "
          + "failed, 1 otherwise."
    })
final class CheckCommand implements Callable<Integer> {

  @Mixin SpecOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the checks as a JSON document.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Report plan = Reconciliation.run(options, Options.plan());
    List<Check> checks =
        new BootServerChecks(
                plan,
                SpecLoader.load(options.specs),
                options.rootFs(),
                new CommandRunner(30),
                CommandRunner.find("ip"),
                CommandRunner.find("exportfs"))
            .run();
    PrintWriter out = spec.commandLine().getOut();
    long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Check c : checks) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("status", c.status().word().toLowerCase(java.util.Locale.ROOT));
        row.put("subject", c.subject());
        row.put("detail", c.detail());
        row.put("fix", c.fix());
        rows.add(row);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("ok", failed == 0);
      doc.put("checks", rows);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      for (Check c : checks) {
        out.printf("%-4s  %s: %s%n", c.status().word(), c.subject(), c.detail());
        if (c.fix() != null) {
          out.printf("      fix: %s%n", c.fix());
        }
      }
      long skipped = checks.stream().filter(c -> c.status() == Check.Status.SKIP).count();
      out.printf(
          "%d checks: %d ok, %d failed, %d skipped%n",
          checks.size(), checks.size() - failed - skipped, failed, skipped);
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
