package io.netroot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.daemon.StatusFile;
import io.netroot.os.RootFs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent status}: the last pass of {@code agent run}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the last pass of agent run: when, how long, which commit, counts by",
      "state, each resource's condition and the last error, as written to",
      "<root>/var/lib/netroot/status.json.",
      "Exit 0 when the last pass succeeded, 1 when it failed or there is no status."
    })
final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The root prefix the agent manages (default: /).")
  Path root;

  @Option(names = "--json", description = "Print the status document as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RootFs rootFs = root == null ? RootFs.system() : new RootFs(root);
    PrintWriter out = spec.commandLine().getOut();
    Optional<JsonNode> status = StatusFile.read(rootFs);
    if (status.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("no status yet: agent run has not finished a pass on " + rootFs.dir());
      return ExitCodes.ERROR;
    }
    JsonNode s = status.get();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(s));
    } else {
      print(out, s);
    }
    out.flush();
    return s.path("pass").path("result").asText().equals("ok") ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private static void print(PrintWriter out, JsonNode s) {
    JsonNode pass = s.path("pass");
    out.printf(
        "last pass: #%d (%s) started %s, took %d ms: %s%n",
        pass.path("number").asLong(),
        pass.path("reason").asText(),
        pass.path("started").asText(),
        pass.path("duration_ms").asLong(),
        pass.path("result").asText());
    out.printf("specs: %s%n", s.path("specs").asText());
    if (!s.path("commit").isNull() && !s.path("commit").isMissingNode()) {
      out.printf("commit: %s%n", s.path("commit").asText());
    }
    JsonNode git = s.path("git");
    if (!git.path("failed_commit").isNull() && !git.path("failed_commit").isMissingNode()) {
      out.printf(
          "commit %s NOT applied: %s%n",
          git.path("failed_commit").asText(), git.path("failed_error").asText());
    }
    StringBuilder counts = new StringBuilder();
    s.path("counts")
        .fields()
        .forEachRemaining(
            e ->
                counts
                    .append(counts.length() == 0 ? "" : ", ")
                    .append(e.getValue().asLong())
                    .append(' ')
                    .append(e.getKey()));
    out.printf("resources: %s%n", counts.length() == 0 ? "none" : counts);
    for (JsonNode r : s.path("resources")) {
      String condition = r.path("condition").asText();
      if (condition.equals("ok")) {
        continue;
      }
      out.printf("  %-14s %s", condition, r.path("path").asText());
      if (r.has("error")) {
        out.printf(": %s", r.path("error").asText());
      }
      if (r.has("next_retry")) {
        out.printf(" (next retry %s)", r.path("next_retry").asText());
      }
      out.println();
    }
    if (!s.path("last_error").isNull() && !s.path("last_error").isMissingNode()) {
      out.printf("last error: %s%n", s.path("last_error").asText());
    }
  }
}
