package io.netroot.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The crash harness of docs/RECONCILE.md: {@code agent apply} on a generated fleet killed with
 * SIGKILL at random moments, from an empty root and over an older converged tree with hand edits;
 * {@code agent run} killed during its first pass; a full disk and a read-only root. Each property
 * the issue asks for is one test, over every trial, so a broken one names itself. The figures are
 * printed as one line and written to {@code target/crash-figures.txt}, with the mean time of each
 * phase of a kill of apply.
 *
 * <p>Part of {@code mvn verify}: 100 kills of apply and 6 of the daemon on 2 000 hosts take about
 * eight minutes on two cores (470 s), most of it the agent's own work: a killed apply keeps both
 * cores busy, and so do the checks after it. The root of the next kill of apply is copied on a
 * thread of its own while the current one runs its checks. Trials run on a fixed pool of {@code
 * netroot.crash.parallel} threads, each on a root of its own, the kill moments drawn over an apply
 * timed with as many at once; the default is one per two cores, since on two cores a second trial
 * at once only slowed the first.
 *
 * <p>System properties: {@code netroot.crash.trials} (kills of apply, default 100, half from
 * empty), {@code netroot.crash.daemonTrials} (default 6), {@code netroot.crash.hosts} (default
 * 2000), {@code netroot.crash.parallel} (trials at once), {@code netroot.crash.seed} (the kill
 * moments; printed), {@code netroot.crash.dir} (where the roots are made, default the temporary
 * directory). {@code bin/crash-trials N} runs it longer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {

  static final int TRIALS = Integer.getInteger("netroot.crash.trials", 100);
  static final int DAEMON_TRIALS = Integer.getInteger("netroot.crash.daemonTrials", 6);
  static final int HOSTS = Integer.getInteger("netroot.crash.hosts", 2000);
  static final int PARALLEL =
      Integer.getInteger(
          "netroot.crash.parallel", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  static final long SEED = Long.getLong("netroot.crash.seed", System.nanoTime());
  static final Path FIGURES = Path.of("target/crash-figures.txt");

  Path work;
  Path scratch;
  CrashScenario fromEmpty;
  CrashScenario overOlder;
  CrashFigures figures;
  ConfinedRoot diskFull;
  ConfinedRoot readOnly;

  @BeforeAll
  void killAgentsAtRandomMoments() throws Exception {
    requirements();
    long started = System.nanoTime();
    work = Files.createTempDirectory(base(), "netroot-crash-");
    scratch = work.resolve("scratch");
    // The launcher makes its AppCDS archive on first use; no trial should pay for that. The fleets
    // are generated in this JVM meanwhile.
    AgentProcess archive = AgentProcess.agent(scratch, "--version");
    Path specs = work.resolve("specs");
    Path older = work.resolve("older-specs");
    AgentProcess.Result archived;
    try {
      CrashFleet.generate(specs, HOSTS);
      CrashFleet.generateOlder(older, HOSTS);
    } finally {
      archived = archive.await(Duration.ofMinutes(5));
    }
    assertThat(archived.exit()).as(archived.both()).isZero();

    DaemonTrial.FirstPass firstPass;
    try (Workers workers = new Workers(PARALLEL)) {
      CrashSetup setup = new CrashSetup(work, scratch, workers);
      fromEmpty = setup.fromEmpty(specs);
      overOlder = setup.overOlder(specs, older, fromEmpty);
      firstPass = firstPass(workers);
    }
    Duration setupTook = since(started);

    Random random = new Random(SEED);
    List<CrashScenario> scenarios = new ArrayList<>();
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      CrashScenario scenario = i % 2 == 0 ? fromEmpty : overOlder;
      scenarios.add(scenario);
      delays.add(uniform(random, scenario.applyTime()));
    }
    List<Duration> daemonDelays = new ArrayList<>();
    for (int i = 0; i < DAEMON_TRIALS; i++) {
      daemonDelays.add(uniform(random, firstPass.took()));
    }

    long trialsStarted = System.nanoTime();
    Progress progress = new Progress(started);
    List<CrashTrial.Result> results = new ArrayList<>();
    List<Outcome> daemonOutcomes = new ArrayList<>();
    List<Path> starts = scenarios.stream().map(CrashScenario::start).toList();
    try (RootSupply roots = new RootSupply(scratch, starts, work.resolve("trials"));
        Workers workers = new Workers(PARALLEL)) {
      // The longest work first, so that the workers end together: the confined roots (several
      // applies each), then the daemon (two passes each), then the kills of apply.
      Future<ConfinedRoot> diskFullRun = workers.submit(() -> diskFull(specs));
      Future<ConfinedRoot> readOnlyRun = workers.submit(() -> readOnly(specs));
      List<Future<Outcome>> daemonRuns = new ArrayList<>();
      for (int i = 0; i < DAEMON_TRIALS; i++) {
        Duration delay = daemonDelays.get(i);
        DaemonTrial daemon =
            new DaemonTrial(
                fromEmpty, work.resolve("daemon-" + i), scratch, work.resolve("fakes-" + i));
        daemonRuns.add(workers.submit(() -> daemon.run(delay, firstPass)));
      }
      List<Future<CrashTrial.Result>> applyRuns = new ArrayList<>();
      for (int i = 0; i < TRIALS; i++) {
        int trial = i;
        applyRuns.add(
            workers.submit(
                () -> killApply(scenarios.get(trial), delays.get(trial), trial, roots, progress)));
      }
      applyRuns.forEach(run -> results.add(Workers.await(run)));
      daemonRuns.forEach(run -> daemonOutcomes.add(Workers.await(run)));
      diskFull = Workers.await(diskFullRun);
      readOnly = Workers.await(readOnlyRun);
    }
    Duration trialsTook = since(trialsStarted);

    List<Outcome> outcomes = new ArrayList<>();
    results.forEach(result -> outcomes.add(result.outcome()));
    outcomes.addAll(daemonOutcomes);
    TrialTimes phases = TrialTimes.average(results.stream().map(CrashTrial.Result::times).toList());
    figures = new CrashFigures(outcomes);
    String timing =
        String.format(
            "%d hosts, seed %d, %s; one apply took %d ms from empty, %d ms over the older tree,"
                + " agent run's first pass %d ms%s; a kill of apply and its checks took %d ms"
                + " (%s); setup %d s, trials %d s; the harness ran %d s",
            HOSTS,
            SEED,
            PARALLEL == 1 ? "1 trial at a time" : PARALLEL + " trials at once",
            fromEmpty.applyTime().toMillis(),
            overOlder.applyTime().toMillis(),
            firstPass.took().toMillis(),
            PARALLEL == 1 ? "" : " (each the longest of " + PARALLEL + " at once)",
            phases.trial().toMillis(),
            phases.describe(),
            setupTook.toSeconds(),
            trialsTook.toSeconds(),
            since(started).toSeconds());
    String confined =
        String.format(
            "full disk: apply exit %d, %d temp files left, rerun exit %d; read-only root: apply exit %d",
            diskFull.step("apply-full").exit(),
            diskFull.tree("full-tree").temps().size(),
            diskFull.step("apply-rerun").exit(),
            readOnly.step("apply-ro").exit());
    System.out.println(figures.summary());
    System.out.println(timing);
    System.out.println(confined);
    figures.write(FIGURES, timing + "\n" + confined);
  }

  /** Kill of apply number {@code trial}, on the root {@code roots} makes for it. */
  private CrashTrial.Result killApply(
      CrashScenario scenario, Duration delay, int trial, RootSupply roots, Progress progress) {
    CrashTrial.Result result = new CrashTrial(scenario, roots, trial, scratch).run(delay);
    progress.ended(result.outcome());
    return result;
  }

  /** A full disk: applies into a 2 MB tmpfs, then into a grown one (see {@link ConfinedRoot}). */
  private ConfinedRoot diskFull(Path specs) {
    ConfinedRoot confined = new ConfinedRoot(work.resolve("disk-full"), scratch);
    confined.run(ConfinedRoot.DISK_FULL, specs, work.resolve("tmpfs-root"), Duration.ofMinutes(10));
    return confined;
  }

  /** A read-only root: an apply over a copy of the older tree, bound read-only. */
  private ConfinedRoot readOnly(Path specs) {
    Path readOnlyRoot = work.resolve("read-only-root");
    Roots.copy(scratch, overOlder.start(), readOnlyRoot);
    ConfinedRoot confined = new ConfinedRoot(work.resolve("read-only"), scratch);
    confined.run(ConfinedRoot.READ_ONLY, specs, readOnlyRoot, Duration.ofMinutes(5));
    return confined;
  }

  /**
   * The daemon's uninterrupted first pass, timed as the kills of apply are: as many at once as
   * there are workers, each on a root of its own; the longest time, and the service actions the
   * first one ran. None when there are no daemon trials.
   */
  private DaemonTrial.FirstPass firstPass(Workers workers) {
    if (DAEMON_TRIALS == 0) {
      return new DaemonTrial.FirstPass(Duration.ZERO, List.of());
    }
    List<Callable<DaemonTrial.FirstPass>> passes = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      DaemonTrial daemon =
          new DaemonTrial(
              fromEmpty,
              work.resolve("first-pass-" + i),
              scratch,
              work.resolve("first-pass-fakes-" + i));
      passes.add(daemon::firstPass);
    }
    List<DaemonTrial.FirstPass> done = workers.all(passes);
    Duration longest =
        done.stream().map(DaemonTrial.FirstPass::took).max(Duration::compareTo).orElseThrow();
    return new DaemonTrial.FirstPass(longest, done.get(0).calls());
  }

  /**
   * The kills of apply that have ended, in the order they ended: every tenth one prints a line and
   * writes the figures so far, so that a long run stopped half-way still leaves them.
   */
  private static final class Progress {
    private final long started;
    private final List<Outcome> ended = new ArrayList<>();

    Progress(long started) {
      this.started = started;
    }

    synchronized void ended(Outcome outcome) {
      ended.add(outcome);
      if (ended.size() % 10 == 0) {
        String progress =
            String.format(
                "crash harness: %d of %d kills of apply, %d s",
                ended.size(), TRIALS, since(started).toSeconds());
        System.out.println(progress);
        new CrashFigures(ended).write(FIGURES, progress);
      }
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  /**
   * Where the roots go: {@code netroot.crash.dir}, else the temporary directory, on disk. Not a
   * tmpfs: there syncfs returns at once and the moment when a whole batch of staged temporary files
   * waits for its flush all but vanishes (no kill of 33 caught a temporary file on /dev/shm,
   * against 2 of 5 on disk), so the harness would miss what a crash leaves on a real server.
   */
  private static Path base() {
    return Path.of(System.getProperty("netroot.crash.dir", System.getProperty("java.io.tmpdir")));
  }

  private static void requirements() {
    if (!"root".equals(System.getProperty("user.name"))) {
      fail("the crash harness runs as root (mount namespaces, tmpfs)");
    }
    if (!Files.isRegularFile(Path.of("target/netroot.jar"))) {
      fail("target/netroot.jar not found: mvn -B -q package -DskipTests");
    }
    if (!DhcpdCheck.available()) {
      fail("dhcpd not found: install it with apt-get install isc-dhcp-server (bin/setup does)");
    }
  }

  private static Duration uniform(Random random, Duration upTo) {
    return Duration.ofMillis((long) (random.nextDouble() * upTo.toMillis()));
  }

  @AfterAll
  void removeTheRoots() {
    if (work != null) {
      Roots.delete(work);
    }
  }

  private void noTrial(
      String property, Predicate<Outcome> scope, Function<Outcome, List<String>> found) {
    CrashFigures scoped = new CrashFigures(figures.where(scope));
    List<Outcome> broken = scoped.where(o -> !found.apply(o).isEmpty());
    assertThat(broken.size())
        .as(
            "%s in %d of %d trials, for example:%n%s",
            property, broken.size(), scoped.outcomes().size(), scoped.examples(found))
        .isZero();
  }

  private static boolean anyTrial(Outcome o) {
    return true;
  }

  private static boolean applyTrial(Outcome o) {
    return !o.scenario().equals(DaemonTrial.SCENARIO);
  }

  @Test
  void noFileIsEverTornByAKill() {
    noTrial("files neither old nor new", CrashIT::anyTrial, Outcome::torn);
  }

  @Test
  void theDhcpdConfLeftByAKillPassesDhcpdT() {
    noTrial("dhcpd -t rejected the dhcpd.conf", CrashIT::anyTrial, o -> optional(o.dhcpdRejects()));
  }

  @Test
  void theStateFileLoadsAfterAKill() {
    noTrial("the state did not load", CrashIT::anyTrial, o -> optional(o.stateError()));
  }

  @Test
  void theNextApplyConvergesToTheTreeOfAnUninterruptedApply() {
    noTrial("the next apply did not converge", CrashIT::applyTrial, Outcome::notConverged);
  }

  @Test
  void aDaemonKilledMidPassConvergesWhenRestarted() {
    noTrial("the restarted agent run did not converge", o -> !applyTrial(o), Outcome::notConverged);
  }

  @Test
  void noHandEditIsLostByAKill() {
    noTrial("hand edits lost", CrashIT::anyTrial, Outcome::lostHandEdits);
  }

  /**
   * Staged content has no name until its commit ({@code O_TMPFILE}): a kill can leave at most the
   * one file it was putting in place, under a temporary name, where a daemon reads.
   */
  @Test
  void aKillLeavesAtMostOneTempFileWhereADaemonReads() {
    noTrial(
        "more than one temp file where a daemon reads, right after the kill",
        CrashIT::anyTrial,
        o -> o.tempsWhereDaemonsRead() > 1 ? List.copyOf(o.tempsAfterKill()) : List.of());
  }

  @Test
  void noTempFileIsLeftAfterTheNextRun() {
    noTrial(
        "temp files left after the next run",
        CrashIT::anyTrial,
        o -> List.copyOf(o.tempsAfterNextApply()));
  }

  @Test
  void driftDoesNotCallNetrootsOwnWritesHandEdits() {
    noTrial("false hand edits", CrashIT::anyTrial, Outcome::falseHandEdits);
  }

  @Test
  void aFullDiskFailsTheApplyWithExit1AndAClearError() {
    ConfinedRoot.Step full = diskFull.step("apply-full");
    assertThat(full.exit()).as(full.both()).isEqualTo(1);
    assertThat(full.both()).contains("No space left on device");
    assertNoStackTrace(full.both());
  }

  @Test
  void aFullDiskTearsNoFile() {
    TreeSnapshot left = diskFull.tree("full-tree");
    assertThat(left.neitherVersion(TreeSnapshot.empty(), fromEmpty.expected())).isEmpty();
  }

  @Test
  void aFullDiskStillPrintsTheJsonReport() throws Exception {
    ConfinedRoot.Step json = diskFull.step("apply-json");
    assertThat(json.exit()).as(json.both()).isEqualTo(1);
    assertThat(json.out()).as("the JSON report on stdout; stderr: " + json.err()).startsWith("{");
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertThat(report.path("failures").size()).as(json.out()).isPositive();
  }

  @Test
  void afterSpaceIsFreedTheRerunConverges() {
    ConfinedRoot.Step rerun = diskFull.step("apply-rerun");
    assertThat(rerun.exit()).as(rerun.both()).isZero();
    assertThat(diskFull.tree("rerun-tree").differencesFrom(fromEmpty.expected())).isEmpty();
    ConfinedRoot.Step plan = diskFull.step("plan-rerun");
    assertThat(plan.exit()).as(plan.both()).isZero();
  }

  @Test
  void afterSpaceIsFreedNoTempFileIsLeft() {
    assertThat(diskFull.tree("rerun-tree").temps()).isEmpty();
  }

  @Test
  void aReadOnlyRootFailsTheApplyWithExit1AndAClearErrorAndChangesNothing() {
    ConfinedRoot.Step ro = readOnly.step("apply-ro");
    assertThat(ro.exit()).as(ro.both()).isEqualTo(1);
    assertThat(ro.both()).containsIgnoringCase("read-only file system");
    assertNoStackTrace(ro.both());
    TreeSnapshot after = TreeSnapshot.of(work.resolve("read-only-root"));
    assertThat(after.differencesFrom(overOlder.before())).isEmpty();
    assertThat(after.temps()).isEmpty();
  }

  private static void assertNoStackTrace(String output) {
    assertThat(output).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.");
  }

  private static List<String> optional(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
