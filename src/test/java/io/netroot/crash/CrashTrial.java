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
 * One kill: {@code agent apply} started on a copy of the scenario's starting root and killed with
 * SIGKILL after {@code delay}, then every check of the issue on what it left and on the next apply.
 * Nothing here asserts; the outcome says what was found, so that one trial's failure does not hide
 * the figures of the others. Trials on roots of their own may run at once, each on its own thread.
 */
final class CrashTrial {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a trial found, and how long its phases took. */
  record Result(Outcome outcome, TrialTimes times) {}

  private final CrashScenario scenario;
  private final RootSupply roots;
  private final int trial;
  private final Path scratch;
  private final Duration limit;
  private final List<AgentProcess> started = new ArrayList<>();
  private Path root;

  /**
   * @param roots where the trial takes its root, a copy of the scenario's start made for it alone,
   *     and which the trial lets make the next one once its apply is killed
   * @param trial the trial's number among those of {@code roots}
   * @param scratch where process output is kept while it runs
   */
  CrashTrial(CrashScenario scenario, RootSupply roots, int trial, Path scratch) {
    this.scenario = scenario;
    this.roots = roots;
    this.trial = trial;
    this.scratch = scratch;
    this.limit = Duration.ofMinutes(2).plus(scenario.applyTime().multipliedBy(10));
  }

  /**
   * Kills an apply {@code delay} after it started and checks; no process of it is left, and its
   * root is left to {@code roots} to remove.
   */
  Result run(Duration delay) {
    try {
      return killAndCheck(delay);
    } finally {
      started.stream().filter(AgentProcess::isAlive).forEach(AgentProcess::kill9);
      roots.finished(trial);
    }
  }

  /**
   * The kill hits a {@code bin/agent} process of its own; what it left is then checked in this JVM
   * (drift, the next apply, plan, backups through the same command line), which keeps a hundred
   * trials within CI's time. Two trials may do that at once: each command builds its own command
   * line and pipeline for its own root, and drift, apply, plan and backups keep no mutable static
   * state (the one process-wide figure they share is the atomic count of the unnamed files an apply
   * holds open; past its limit a write falls back to a named temporary file).
   */
  private Result killAndCheck(Duration delay) {
    RootSupply.Made made = roots.take(trial);
    root = made.root();
    long phase = System.nanoTime();
    AgentProcess apply = start(agentArgs("apply", "--no-diff"));
    sleepUntil(apply, delay);
    boolean finished = !apply.isAlive();
    boolean jvm = apply.isJava();
    apply.kill9();
    apply.await(limit);
    Duration toKill = since(phase);
    roots.prepareNext();

    phase = System.nanoTime();
    Outcome.Builder found = new Outcome.Builder(scenario.name(), delay, jvm, finished);
    TreeSnapshot afterKill = TreeSnapshot.of(root);
    found.torn.addAll(afterKill.neitherVersion(scenario.before(), scenario.expected()));
    found.tempsAfterKill.addAll(afterKill.temps());
    found.dhcpdRejects = DhcpdCheck.rejects(scratch, root.resolve("etc/dhcp/dhcpd.conf"));
    checkKeptLines(found, "after the kill");
    checkDrift(found, AgentProcess.inThisJvm(agentArgs("drift", "--json")), afterKill, scenario);
    Duration checks = since(phase);

    phase = System.nanoTime();
    AgentProcess.Result next = AgentProcess.inThisJvm(agentArgs("apply", "--no-diff"));
    Duration nextApply = since(phase);

    phase = System.nanoTime();
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
    TrialTimes times =
        new TrialTimes(made.took(), made.waited(), toKill, checks, nextApply, since(phase));
    return new Result(found.build(), times);
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
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
