package io.netroot.cli;

import io.netroot.spec.JsonSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code agent schema}: the JSON Schema of the spec documents, for editors. The repository keeps a
 * copy ({@value JsonSchema#REPOSITORY_FILE}) and the package installs one
 * (/usr/share/netroot/netroot.schema.json); a test fails when either is not what this prints.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print the JSON Schema of the spec documents (every kind), for editors such as those using"
            + " yaml-language-server. It is made from the loader's own field declarations.")
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(JsonSchema.document());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
