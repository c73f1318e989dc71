package io.netroot.daemon;

import io.netroot.NetrootException;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Resource;
import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.Status;
import io.netroot.os.RootFs;
import io.netroot.os.SdNotify;
import io.netroot.os.WriterLock;
import io.netroot.spec.BootServer;
import io.netroot.spec.SpecInvalidException;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agent run}: keeps the boot server as the specs say until stopped, like a Kubernetes
 * controller. Every pass checks every managed thing (level-triggered). Passes run one at a time on
 * the thread that called {@link #run}; the schedule, the watches and the git poll only ask for one.
 */
public final class Agent {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final CatalogCache catalogs;
  private final Settings settings;
  private final RootFs root;
  private final Clock clock;
  private final PassRequests requests;
  private final Metrics metrics = new Metrics();
  private final OwnWrites ownWrites = new OwnWrites();
  private final SdNotify notify;
  private final CountDownLatch listening = new CountDownLatch(1);
  private final CountDownLatch firstPass = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  private volatile boolean passRunning;
  private volatile int httpPort;
  private volatile long passes;
  private volatile String statusJson = "{\"state\": \"starting\"}\n";

  private AgentConfig config;
  private Backoff backoff;
  private GitSpecs git;
  private Schedule schedule;
  private Set<String> reportedDrift = Set.of();

  public Agent(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  Agent(Settings settings, Clock clock) {
    this.settings = settings;
    this.root = settings.root();
    this.catalogs = new CatalogCache(settings.services());
    this.clock = clock;
    this.requests = new PassRequests(clock);
    this.notify = SdNotify.fromEnvironment(settings.environment());
  }

  /**
   * Runs until {@link #stop}: takes the lock, makes a first pass, then passes as triggers ask.
   *
   * @throws NetrootException when another netroot holds the lock past the lock timeout
   */
  public void run() {
    StatusServer http = null;
    DebouncedWatch specWatch = null;
    DebouncedWatch fileWatch = null;
    ScheduledExecutorService watchdog = null;
    try (WriterLock lock = WriterLock.acquire(root, settings.lockTimeout())) {
      config = AgentConfig.resolve(settings, startupSpecs());
      backoff = new Backoff(config.retryBase(), config.retryCap());
      if (config.gitUrl() != null) {
        git =
            new GitSpecs(
                config.gitUrl(),
                config.gitBranch(),
                gitCache(),
                recordedCommit(),
                settings.environment());
      }
      http = startHttp();
      listening.countDown();
      watchdog = startWatchdog();
      notify.send("STATUS=first pass");
      log.info(
          "netroot agent started on {} (specs from {}, every {}, on drift {})",
          root.dir(),
          git != null ? git.url : settings.specs(),
          config.interval(),
          config.onDrift().name().toLowerCase(java.util.Locale.ROOT));

      pass("start");

      schedule = new Schedule(requests);
      scheduleAll(config);
      fileWatch =
          new DebouncedWatch(
              "managed files",
              settings.fileDebounce(),
              p -> !passRunning && ownWrites.changed(p),
              () -> requests.request("hand edit"));
      fileWatch.watch(ownWrites.directories());
      if (git == null) {
        specWatch =
            new DebouncedWatch(
                "specs", settings.specDebounce(), p -> true, () -> requests.request("spec change"));
        specWatch.watch(directoriesUnder(settings.specs()));
      }
      // Ready once the first pass is done and every trigger is in place.
      firstPass.countDown();
      notify.send("READY=1\nSTATUS=" + oneLine());
      while (true) {
        Set<String> reasons = requests.await(backoff.nextRetry().orElse(null));
        if (reasons == null) {
          break;
        }
        pass(reasons.isEmpty() ? "retry" : String.join(", ", new TreeSet<>(reasons)));
        fileWatch.watch(ownWrites.directories());
        if (specWatch != null) {
          specWatch.watch(directoriesUnder(settings.specs()));
        }
      }
      log.info("netroot agent stopping");
      notify.send("STOPPING=1");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      listening.countDown();
      firstPass.countDown();
      for (AutoCloseable c : new AutoCloseable[] {schedule, specWatch, fileWatch, http}) {
        closeQuietly(c);
      }
      if (watchdog != null) {
        watchdog.shutdownNow();
      }
      finished.countDown();
    }
  }

  /** Asks the agent to stop: the resource being written finishes, then the loop ends. */
  public void stop() {
    requests.stop();
  }

  /** Waits for {@link #run} to have returned. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the first pass is done (or the agent stopped). */
  public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
    return firstPass.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port HTTP listens on, 0 when off; waits until the server is up. */
  public int httpPort() throws InterruptedException {
    listening.await();
    return httpPort;
  }

  /** How many passes have finished. */
  public long passes() {
    return passes;
  }

  /** Asks for a pass now, as a trigger would. */
  public void requestPass(String reason) {
    requests.request(reason);
  }

  private BootServer.Agent startupSpecs() {
    if (!Files.isDirectory(settings.specs())) {
      return BootServer.Agent.UNSET;
    }
    try {
      return SpecLoader.load(settings.specs()).server().agent();
    } catch (SpecInvalidException e) {
      log.warn("the specs in {} do not load; the agent starts with its defaults", settings.specs());
      return BootServer.Agent.UNSET;
    }
  }

  private Path gitCache() {
    return settings.gitCache() != null ? settings.gitCache() : root.resolve("/var/lib/netroot/git");
  }

  private String recordedCommit() {
    return StatusFile.read(root).map(s -> s.path("git").path("applied").asText(null)).orElse(null);
  }

  private StatusServer startHttp() {
    int port = config.http();
    if (port == 0) {
      return null;
    }
    StatusServer server =
        new StatusServer(
            port == Settings.ANY_PORT ? 0 : port,
            () -> firstPass.getCount() == 0,
            () -> statusJson,
            metrics::render);
    httpPort = server.port();
    log.info("status and metrics on http://127.0.0.1:{}/", httpPort);
    return server;
  }

  private ScheduledExecutorService startWatchdog() {
    return notify
        .watchdogPingInterval()
        .map(
            every -> {
              ScheduledExecutorService s =
                  Executors.newSingleThreadScheduledExecutor(
                      r -> {
                        Thread t = new Thread(r, "netroot-watchdog");
                        t.setDaemon(true);
                        return t;
                      });
              s.scheduleAtFixedRate(
                  () -> notify.send("WATCHDOG=1"), 0, every.toMillis(), TimeUnit.MILLISECONDS);
              return s;
            })
        .orElse(null);
  }

  private void scheduleAll(AgentConfig c) {
    long splay = c.splay().toMillis();
    Duration first =
        c.interval().plusMillis(splay <= 0 ? 0 : ThreadLocalRandom.current().nextLong(splay + 1));
    schedule.every("schedule", c.interval(), first);
    if (git != null) {
      schedule.every("git poll", c.gitInterval(), c.gitInterval());
    }
  }

  /** Takes the spec's agent settings of the specs now in force. */
  private void reconfigure(BootServer.Agent fromSpecs) {
    AgentConfig next = AgentConfig.resolve(settings, fromSpecs);
    if (next.equals(config)) {
      return;
    }
    backoff.configure(next.retryBase(), next.retryCap());
    if (schedule != null
        && (!next.interval().equals(config.interval())
            || !next.gitInterval().equals(config.gitInterval()))) {
      log.info("checking every {} from now on", next.interval());
      scheduleAll(next);
    }
    if (next.http() != config.http()) {
      log.warn("the HTTP port changed in the specs; it takes effect when the agent restarts");
    }
    config = next;
  }

  private void pass(String reason) {
    passRunning = true;
    Instant started = clock.instant();
    Report report = null;
    String error = null;
    Set<Path> managed = null;
    try {
      SpecSet specs;
      if (git != null) {
        specs = git.refresh().specs();
      } else {
        specs = SpecLoader.load(settings.specs());
      }
      reconfigure(specs.server().agent());
      Catalog catalog = catalogs.compile(specs, root);
      managed = managedFiles(catalog);
      Options options =
          Options.apply(false)
              .withDriftPolicy(
                  config.onDrift() == BootServer.OnDrift.REPORT
                      ? Options.DriftPolicy.REPORT
                      : Options.DriftPolicy.REVERT)
              .withDeferred(backoff.deferred(started))
              .withCancellation(requests::stopped);
      report = new Engine(root, settings.services(), clock).reconcile(catalog, options);
      account(report);
    } catch (SpecInvalidException e) {
      error =
          "specs invalid, nothing applied: "
              + e.errors().stream().limit(3).map(Object::toString).collect(Collectors.joining("; "))
              + (e.errors().size() > 3 ? "; and " + (e.errors().size() - 3) + " more" : "");
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      log.debug("pass failed", e);
    } finally {
      if (managed != null) {
        ownWrites.snapshot(managed);
      }
      passRunning = false;
    }
    Instant ended = clock.instant();
    Duration took = Duration.between(started, ended);
    Map<Status, Long> byStatus = report == null ? null : countByStatus(report);
    boolean ok = error == null && !report.hasFailures();
    metrics.pass(ok, took, byStatus, ended);
    passes++;
    StatusDocument doc =
        new StatusDocument(
            passes, reason, started, took, report, byStatus, error, backoff, git, settings);
    statusJson = StatusFile.encode(doc.toMap());
    try {
      StatusFile.write(root, doc.toMap());
    } catch (NetrootException e) {
      log.warn("cannot write the status: {}", e.getMessage());
    }
    String line =
        "pass " + passes + " (" + reason + "): " + doc.summary() + "; " + took.toMillis() + " ms";
    if (error != null) {
      log.error("{}; {}", line, error);
    } else {
      log.info("{}", line);
    }
    notify.send("STATUS=" + oneLine(doc));
  }

  private String lastSummary = "starting";

  private String oneLine() {
    return lastSummary;
  }

  private String oneLine(StatusDocument doc) {
    lastSummary = "last pass " + doc.started() + ": " + doc.summary();
    return lastSummary;
  }

  /** Retries, drift and change logging after a pass. */
  private void account(Report report) {
    Instant now = clock.instant();
    Set<String> drift = new HashSet<>();
    long failed = 0;
    for (var r : report.resources()) {
      switch (r.status()) {
        case FAILED -> {
          failed++;
          Backoff.Failure f = backoff.failed(r.id(), now, r.error());
          log.warn(
              "{} failed ({} in a row; next try at {}): {}",
              r.path(),
              f.count(),
              f.retryAt(),
              r.error());
        }
        case APPLIED, UNCHANGED, REPORTED -> backoff.succeeded(r.id());
        default -> {}
      }
      if (r.status() == Status.APPLIED) {
        log.info(
            "{} {}: {}{}",
            r.action().word(),
            r.path(),
            r.reason(),
            r.backup() == null ? "" : " [backup " + r.backup().id() + "]");
        if (r.handEdit()) {
          metrics.drift(true);
        }
      }
      if (r.status() == Status.REPORTED) {
        String key = r.id().value() + "@" + r.beforeSha();
        drift.add(key);
        if (!reportedDrift.contains(key)) {
          metrics.drift(false);
          log.warn(
              "drift on {}: {}\n{}",
              r.path(),
              r.reason(),
              io.netroot.diff.UnifiedDiff.between(
                  r.path(), "last applied", r.lastApplied(), "on disk", r.before()));
        }
      }
    }
    reportedDrift = drift;
    metrics.failures(failed);
  }

  private static Map<Status, Long> countByStatus(Report report) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    report.resources().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    return counts;
  }

  private Set<Path> managedFiles(Catalog catalog) {
    Set<Path> files = new HashSet<>();
    for (Resource r : catalog.resources()) {
      if (r.path().startsWith("/")) {
        files.add(root.resolve(r.path()));
      }
    }
    return files;
  }

  private static Set<Path> directoriesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isDirectory).collect(Collectors.toSet());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return Set.of(dir);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.debug("while stopping: {}", e.toString());
    }
  }
}
