package io.netroot.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kill: a copy of the scenario's starting root, {@code agent apply} started on it and killed
 * with SIGKILL after {@code delay}, then every check of the issue on what it left and on the next
 * apply. Nothing here asserts; the outcome says what was found, so that one trial's failure does
 * not hide the figures of the others.
 */
final class CrashTrial {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrashScenario scenario;
  private final Path root;
  private final Path scratch;
  private final Duration limit;
  private final List<AgentProcess> started = new ArrayList<>();

  /**
   * @param root where the trial's root is made (it must not exist yet); removed by {@link #run}
   * @param scratch where process output is kept while it runs
   */
  CrashTrial(CrashScenario scenario, Path root, Path scratch) {
    this.scenario = scenario;
    this.root = root;
    this.scratch = scratch;
    this.limit = Duration.ofMinutes(2).plus(scenario.applyTime().multipliedBy(10));
  }

  /** Kills an apply {@code delay} after it started, checks, and removes the root. */
  Outcome run(Duration delay) {
    try {
      return killAndCheck(delay);
    } finally {
      started.stream().filter(AgentProcess::isAlive).forEach(AgentProcess::kill9);
      Roots.delete(root);
    }
  }

  /**
   * The kill hits a {@code bin/agent} process of its own; what it left is then checked in this JVM
   * (drift, the next apply, plan, backups through the same command line), which keeps a hundred
   * trials within CI's time.
   */
  private Outcome killAndCheck(Duration delay) {
    Roots.copy(scratch, scenario.start(), root);
    AgentProcess apply = start(agentArgs("apply", "--no-diff"));
    sleepUntil(apply, delay);
    boolean finished = !apply.isAlive();
    boolean jvm = apply.isJava();
    apply.kill9();
    apply.await(limit);

    Outcome.Builder found = new Outcome.Builder(scenario.name(), delay, jvm, finished);
    TreeSnapshot afterKill = TreeSnapshot.of(root);
    found.torn.addAll(afterKill.neitherVersion(scenario.before(), scenario.expected()));
    found.tempsAfterKill.addAll(afterKill.temps());
    found.dhcpdRejects = DhcpdCheck.rejects(scratch, root.resolve("etc/dhcp/dhcpd.conf"));
    checkKeptLines(found, "after the kill");
    checkDrift(found, AgentProcess.inThisJvm(agentArgs("drift", "--json")), afterKill, scenario);

    AgentProcess.Result next = AgentProcess.inThisJvm(agentArgs("apply", "--no-diff"));
    TreeSnapshot afterNext = TreeSnapshot.of(root);
    found.tempsAfterNextApply.addAll(afterNext.temps());
    if (next.exit() != 0) {
      found.notConverged.add("next apply exit " + next.exit() + ": " + firstLines(next.both()));
    }
    found.notConverged.addAll(afterNext.differencesFrom(scenario.expected()));
    checkKeptLines(found, "after the next apply");
    AgentProcess.Result planned =
        AgentProcess.inThisJvm(agentArgs("plan", "--no-diff", "--detailed-exitcode"));
    if (planned.exit() != 0) {
      found.notConverged.add(
          "plan after the next apply exit " + planned.exit() + ": " + firstLines(planned.both()));
    }
    if (!scenario.handEdits().isEmpty()) {
      AgentProcess.Result backups =
          AgentProcess.inThisJvm("backups", "--root", root.toString(), "--json");
      found.lostHandEdits.addAll(notBackedUp(backups, scenario.handEdits()));
    }
    return found.build();
  }

  private AgentProcess start(String... args) {
    AgentProcess process = AgentProcess.agent(scratch, args);
    started.add(process);
    return process;
  }

  private String[] agentArgs(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--services", "none"));
    args.addAll(List.of("--specs", scenario.specs().toString(), "--root", root.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static void sleepUntil(AgentProcess process, Duration delay) {
    try {
      long left;
      while ((left = delay.minus(process.running()).toMillis()) > 0 && process.isAlive()) {
        Thread.sleep(Math.min(left, 50));
      }
    } catch (InterruptedException e) {
      process.kill9();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * What {@code agent drift --json} said right after a kill: the state must have loaded (exit 0 or
   * 2), and none of netroot's own writes may be called hand edits: neither a file reported "edited"
   * whose bytes are those the killed run was writing, not those it found, nor a file reported
   * "removed" that the killed run was deleting.
   */
  static void checkDrift(
      Outcome.Builder found,
      AgentProcess.Result drift,
      TreeSnapshot afterKill,
      CrashScenario scenario) {
    if (drift.exit() != 0 && drift.exit() != 2) {
      found.stateError = "drift exit " + drift.exit() + ": " + firstLines(drift.both());
      return;
    }
    for (JsonNode entry : parse(drift.out()).path("drift")) {
      String kind = entry.path("kind").asText();
      String path = entry.path("path").asText().replaceFirst("^/", "");
      String now = sha(afterKill, path);
      String written = sha(scenario.expected(), path);
      String before = sha(scenario.before(), path);
      if (kind.equals("edited") && now != null && now.equals(written) && !now.equals(before)) {
        found.falseHandEdits.add(path);
      } else if (kind.equals("removed") && now == null && written == null && before != null) {
        found.falseHandEdits.add(path + " (removed)");
      }
    }
  }

  private static String sha(TreeSnapshot tree, String path) {
    TreeSnapshot.Version version = tree.files().get(path);
    return version == null ? null : version.sha256();
  }

  private void checkKeptLines(Outcome.Builder found, String when) {
    for (CrashScenario.HandEdit edit : scenario.handEdits()) {
      Path file = root.resolve(edit.path());
      if (edit.keptLine() != null && Files.exists(file) && !read(file).contains(edit.keptLine())) {
        found.lostHandEdits.add(edit.path() + ": line '" + edit.keptLine() + "' gone " + when);
      }
    }
  }

  /**
   * The hand edits among {@code edits} that apply replaces (those without a kept line) and that
   * {@code agent backups --json} did not list with the bytes they had.
   */
  static List<String> notBackedUp(AgentProcess.Result backups, List<CrashScenario.HandEdit> edits) {
    Set<String> kept = new HashSet<>();
    String failed = "";
    if (backups.exit() == 0) {
      for (JsonNode entry : parse(backups.out()).path("backups")) {
        kept.add(entry.path("path").asText() + " " + entry.path("sha256").asText());
      }
    } else {
      failed = " (backups exit " + backups.exit() + ": " + firstLines(backups.both()) + ")";
    }
    List<String> lost = new ArrayList<>();
    for (CrashScenario.HandEdit edit : edits) {
      if (edit.keptLine() == null
          && !kept.contains(edit.serverPath() + " " + edit.editedSha256())) {
        lost.add(edit.path() + ": replaced and not in agent backups" + failed);
      }
    }
    return lost;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + firstLines(json), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String firstLines(String text) {
    String strip = text.strip();
    String[] lines = strip.split("\n", 4);
    return String.join(" | ", List.of(lines).subList(0, Math.min(3, lines.length)));
  }
}
