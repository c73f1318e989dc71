package io.netroot.cli;

import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent validate}: load and check the specs, touch nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check the specs: syntax, fields, references and cross-checks. Exit 0 valid, 1 invalid.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin SpecOptions options;
  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description =
          "Print a JSON document: ok, the counts, and each problem with its file, line and column.")
  boolean json;

  @Override
  public Integer call() {
    SpecSet specs = SpecLoader.load(options.specs);
    if (json) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("networks", specs.networks().size());
      counts.put("kernels", specs.kernels().size());
      counts.put("root_images", specs.rootImages().size());
      counts.put("exports", specs.exports().size());
      counts.put("profiles", specs.profiles().size());
      counts.put("hosts", specs.hosts().size());
      spec.commandLine().getOut().println(JsonDiagnostics.valid(counts));
      return ExitCodes.OK;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid (%d network%s, %d kernel%s, %d root image%s, %d export%s, %d profile%s, %d host%s)%n",
            options.specs,
            specs.networks().size(),
            plural(specs.networks().size()),
            specs.kernels().size(),
            plural(specs.kernels().size()),
            specs.rootImages().size(),
            plural(specs.rootImages().size()),
            specs.exports().size(),
            plural(specs.exports().size()),
            specs.profiles().size(),
            plural(specs.profiles().size()),
            specs.hosts().size(),
            plural(specs.hosts().size()));
    return ExitCodes.OK;
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
