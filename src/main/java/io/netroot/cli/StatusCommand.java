package io.netroot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netroot.NetrootException;
import io.netroot.daemon.OwedServices;
import io.netroot.daemon.StatusFile;
import io.netroot.os.RootFs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
      "Show the last pass of agent run: when, how long, which commit, whether the agent "
          + "is ready, counts by state, each resource's condition and the last error, as "
          + "written to <root>/var/lib/netroot/status.json; a pass running now, or one that "
          + "never finished (the agent was killed mid-pass); removals waiting for the specs "
          + "to settle; and the service actions still owed "
          + "(<root>/var/lib/netroot/pending-services.json).",
      "Exit 0 when the last pass succeeded, 1 when it failed, never finished, or there "
          + "is no status."
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
    ObjectNode s = (ObjectNode) status.get();
    // What is owed and whether the marked pass still runs are read now, not as last written.
    ObjectMapper mapper = new ObjectMapper();
    try {
      s.set("services_owed", mapper.valueToTree(OwedServices.read(rootFs)));
      s.remove("services_owed_error");
    } catch (NetrootException e) {
      s.putNull("services_owed");
      s.put("services_owed_error", e.getMessage());
    }
    JsonNode marker = s.path("pass_in_progress");
    boolean interrupted = false;
    if (marker.isObject()) {
      interrupted = !running(marker);
      ((ObjectNode) marker).put("interrupted", interrupted);
    }
    if (json) {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(s));
    } else {
      print(out, s);
    }
    out.flush();
    boolean ok = s.path("pass").path("result").asText().equals("ok");
    return ok && !interrupted ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /**
   * Whether the agent that marked the pass still runs it: its process is there, and is not a later
   * one that was given the same number.
   */
  private static boolean running(JsonNode marker) {
    Optional<ProcessHandle> process = ProcessHandle.of(marker.path("pid").asLong(-1));
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    try {
      Instant passStarted = Instant.parse(marker.path("started").asText());
      return process.get().info().startInstant().map(t -> !t.isAfter(passStarted)).orElse(true);
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static void print(PrintWriter out, JsonNode s) {
    JsonNode pass = s.path("pass");
    if (pass.isObject()) {
      out.printf(
          "last pass: #%d (%s) started %s, took %d ms: %s%n",
          pass.path("number").asLong(),
          pass.path("reason").asText(),
          pass.path("started").asText(),
          pass.path("duration_ms").asLong(),
          pass.path("result").asText());
    } else {
      out.println("last pass: none finished yet");
    }
    JsonNode marker = s.path("pass_in_progress");
    if (marker.isObject()) {
      String which =
          "pass #"
              + marker.path("number").asText()
              + " ("
              + marker.path("reason").asText()
              + ") started "
              + marker.path("started").asText();
      if (marker.path("interrupted").asBoolean()) {
        out.printf(
            "INTERRUPTED: %s never finished: the agent (pid %s) is gone, killed or crashed"
                + " mid-pass; the next pass checks everything again%n",
            which, marker.path("pid").asText());
      } else {
        out.printf("running: %s (pid %s)%n", which, marker.path("pid").asText());
      }
    }
    if (s.has("ready")) {
      out.println(
          s.path("ready").asBoolean()
              ? "ready: yes"
              : "ready: NO, " + s.path("not_ready_reason").asText());
    }
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
    printResources(out, s);
    printOwed(out, s);
    JsonNode earlier = s.path("interrupted_pass");
    if (earlier.isObject()) {
      out.printf(
          "the run before (pid %s) was cut short in pass #%s, started %s; this run checked"
              + " everything again%n",
          earlier.path("pid").asText(),
          earlier.path("number").asText(),
          earlier.path("started").asText());
    }
    if (!s.path("last_error").isNull() && !s.path("last_error").isMissingNode()) {
      out.printf("last error: %s%n", s.path("last_error").asText());
    }
  }

  private static void printResources(PrintWriter out, JsonNode s) {
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
    JsonNode from = s.path("counts_from_pass");
    boolean older = from.isNumber() && from.asLong() != s.path("pass").path("number").asLong();
    out.printf(
        "resources%s: %s%n",
        older ? " (as of pass #" + from.asLong() + ", the last that reconciled)" : "",
        counts.length() == 0 ? "none" : counts);
    for (JsonNode r : s.path("resources")) {
      String condition = r.path("condition").asText();
      if (condition.equals("ok") || condition.equals("removal-waits")) {
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
    JsonNode waiting = s.path("deletions_waiting");
    if (waiting.isObject()) {
      out.printf(
          "removals waiting: %d files: %s%n",
          waiting.path("count").asLong(), waiting.path("reason").asText());
    }
  }

  private static void printOwed(PrintWriter out, JsonNode s) {
    if (s.hasNonNull("services_owed_error")) {
      out.printf("services owed: unknown, %s%n", s.path("services_owed_error").asText());
      return;
    }
    JsonNode owed = s.path("services_owed");
    if (!owed.isArray() || owed.isEmpty()) {
      return;
    }
    out.println("services owed (cut short or failed; the next pass runs them):");
    for (JsonNode o : owed) {
      StringBuilder causes = new StringBuilder();
      o.path("causes")
          .forEach(c -> causes.append(causes.length() == 0 ? "" : ", ").append(c.asText()));
      out.printf("  %s (for %s)%n", o.path("action").asText(), causes);
    }
  }
}
