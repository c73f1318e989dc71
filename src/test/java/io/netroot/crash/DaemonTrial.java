package io.netroot.crash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One kill of the daemon: {@code agent run} started on an empty root with its services installed
 * and running (stand-ins, {@link FakeServices}), killed with SIGKILL during its first pass, then
 * restarted until it has finished a pass, then stopped with SIGTERM as systemd would. The restart
 * must leave the tree a clean apply leaves, run every service action the killed pass left in its
 * journal, and between the two runs every action an uninterrupted pass runs must have run. Both
 * daemons are processes of their own; {@code agent drift} after the kill and {@code plan} after the
 * restart run in this JVM, as the checks of a kill of apply do. Each trial has a root and stand-ins
 * of its own, so trials may run at once.
 */
final class DaemonTrial {

  static final String SCENARIO = "agent run from empty";

  /**
   * An uninterrupted first pass on an empty root.
   *
   * @param took how long it took, JVM start included
   * @param calls the service actions it ran, as the stand-ins recorded them
   */
  record FirstPass(Duration took, List<String> calls) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrashScenario scenario;
  private final Path root;
  private final Path scratch;
  private final Duration limit;
  private final FakeServices services;

  /**
   * {@code scenario} is the one from empty: its specs, and the tree a clean apply leaves; the
   * service stand-ins are made under {@code fakes}.
   */
  DaemonTrial(CrashScenario scenario, Path root, Path scratch, Path fakes) {
    this.scenario = scenario;
    this.root = root;
    this.scratch = scratch;
    this.limit = Duration.ofMinutes(2).plus(scenario.applyTime().multipliedBy(10));
    this.services = new FakeServices(fakes);
  }

  /** The daemon's first pass on an empty root, uninterrupted; the root is removed after. */
  FirstPass firstPass() {
    try {
      Roots.copy(scratch, null, root);
      AgentProcess run = start();
      Duration took = awaitPass(run, null);
      AgentProcess.Result stopped = run.terminate(limit);
      if (stopped.exit() != 0) {
        throw new AssertionError("agent run exit " + stopped.exit() + ": " + stopped.both());
      }
      List<String> calls = services.takeCalls();
      if (calls.isEmpty()) {
        throw new AssertionError("an uninterrupted first pass ran no service action");
      }
      return new FirstPass(took, calls);
    } finally {
      Roots.delete(root);
    }
  }

  /**
   * Kills the daemon {@code delay} after it started, restarts it, checks against {@code
   * uninterrupted} (the service actions it ran), removes the root.
   */
  Outcome run(Duration delay, FirstPass uninterrupted) {
    List<AgentProcess> started = new ArrayList<>();
    try {
      Roots.copy(scratch, null, root);
      services.takeCalls();
      AgentProcess first = start();
      started.add(first);
      while (first.running().compareTo(delay) < 0 && first.isAlive()) {
        Thread.sleep(20);
      }
      boolean finished = passEnded(null) || !first.isAlive();
      boolean jvm = first.isJava();
      first.kill9();
      first.await(limit);

      Outcome.Builder found = new Outcome.Builder(SCENARIO, delay, jvm, finished);
      TreeSnapshot afterKill = TreeSnapshot.of(root);
      found.torn.addAll(afterKill.neitherVersion(scenario.before(), scenario.expected()));
      found.tempsAfterKill.addAll(afterKill.temps());
      found.dhcpdRejects = DhcpdCheck.rejects(scratch, root.resolve("etc/dhcp/dhcpd.conf"));
      CrashTrial.checkDrift(
          found, AgentProcess.inThisJvm(args("drift", "--json")), afterKill, scenario);
      Path journal = root.resolve(TreeSnapshot.STATE_DIR).resolve("pending-services.json");
      List<String> owed = FakeServices.owed(journal);
      found.owedServiceActions.addAll(owed);
      List<String> beforeRestart = services.takeCalls();

      FileTime before = Files.exists(status()) ? Files.getLastModifiedTime(status()) : null;
      AgentProcess restart = start();
      started.add(restart);
      awaitPass(restart, before);
      AgentProcess.Result stopped = restart.terminate(limit);
      if (stopped.exit() != 0) {
        found.notConverged.add("restarted agent run exit " + stopped.exit());
      }
      TreeSnapshot afterRestart = TreeSnapshot.of(root);
      found.tempsAfterNextApply.addAll(afterRestart.temps());
      found.notConverged.addAll(afterRestart.differencesFrom(scenario.expected()));
      if (Files.exists(journal)) {
        found.notConverged.add("the pending-service journal is still there after the restart");
      }
      List<String> restartCalls = services.takeCalls();
      for (String call : owed) {
        if (!restartCalls.contains(call)) {
          found.notConverged.add("owed by the journal, not run after the restart: " + call);
        }
      }
      for (String call : uninterrupted.calls()) {
        if (!beforeRestart.contains(call) && !restartCalls.contains(call)) {
          found.notConverged.add("run by an uninterrupted pass, by neither run here: " + call);
        }
      }
      AgentProcess.Result plan =
          AgentProcess.inThisJvm(args("plan", "--no-diff", "--detailed-exitcode"));
      if (plan.exit() != 0) {
        found.notConverged.add(
            "plan after the restart exit "
                + plan.exit()
                + ": "
                + CrashTrial.firstLines(plan.both()));
      }
      return found.build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      started.stream().filter(AgentProcess::isAlive).forEach(AgentProcess::kill9);
      Roots.delete(root);
    }
  }

  private AgentProcess start() {
    return AgentProcess.agent(
        scratch,
        services.environment(),
        "run",
        "--services",
        "systemd",
        "--specs",
        scenario.specs().toString(),
        "--root",
        root.toString(),
        "--http",
        "0",
        "--interval",
        "1h",
        "--log-format",
        "json");
  }

  private String[] args(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--services", "none"));
    args.addAll(List.of("--specs", scenario.specs().toString(), "--root", root.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private Path status() {
    return root.resolve(TreeSnapshot.STATE_DIR).resolve("status.json");
  }

  /**
   * Whether a status file newer than {@code before} is there that marks no pass in progress: the
   * agent writes one at the start of each pass too, with {@code pass_in_progress} set.
   */
  private boolean passEnded(FileTime before) throws IOException {
    if (!Files.exists(status())
        || (before != null && Files.getLastModifiedTime(status()).compareTo(before) <= 0)) {
      return false;
    }
    try {
      JsonNode doc = JSON.readTree(Files.readString(status()));
      return doc.path("pass").isObject() && !doc.has("pass_in_progress");
    } catch (JsonProcessingException e) {
      return false; // replaced while read: look again
    }
  }

  /** Waits until a status file newer than {@code before} is there: the end of a pass. */
  private Duration awaitPass(AgentProcess run, FileTime before) {
    try {
      while (run.running().compareTo(limit) < 0) {
        if (passEnded(before)) {
          return run.running();
        }
        if (!run.isAlive()) {
          throw new AssertionError("agent run ended before a pass: " + run.await(limit).both());
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      run.kill9();
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      run.kill9();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    run.kill9();
    throw new AssertionError("agent run finished no pass within " + limit);
  }
}
