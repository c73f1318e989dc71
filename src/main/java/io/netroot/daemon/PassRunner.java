package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.NetrootException;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Resource;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.Status;
import io.netroot.os.RootFs;
import io.netroot.pipeline.Pipeline;
import io.netroot.spec.BootServer;
import io.netroot.spec.SpecInvalidException;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the agent, and what it leaves for people: the status file (marked when a pass starts,
 * so that one that never finishes shows), {@code /status}, readiness and the metrics.
 */
final class PassRunner {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Settings settings;
  private final RootFs root;
  private final Clock clock;
  private final Liveness liveness;
  private final BooleanSupplier stopping;
  private final Pipeline pipeline;
  private final Metrics metrics = new Metrics();
  private final OwnWrites ownWrites = new OwnWrites();
  private final JsonNode interrupted;
  private final ResultLog results;
  private Backoff backoff;
  private GitSpecs git;
  private DeletionHold hold;
  private StatusDocument.Reconciled lastReconciled;
  private Map<String, Object> lastDoc;

  private volatile boolean running;
  private volatile long passes;
  private volatile String statusJson = "{\"state\": \"starting\"}\n";
  private volatile String notReady = "first pass not done";
  private volatile String summary = "starting";

  /**
   * @param previous the status file the agent found at start, to tell a pass it never finished
   */
  PassRunner(
      Settings settings,
      Clock clock,
      Liveness liveness,
      BooleanSupplier stopping,
      Optional<JsonNode> previous) {
    this.settings = settings;
    this.root = settings.root();
    this.clock = clock;
    this.liveness = liveness;
    this.stopping = stopping;
    this.pipeline = new Pipeline(root, settings.services(), clock);
    this.results = new ResultLog(metrics);
    JsonNode marker = previous.map(p -> p.get("pass_in_progress")).orElse(null);
    this.interrupted = marker == null || marker.isNull() ? null : marker;
    if (interrupted != null) {
      log.warn(
          "pass {} of the agent before (pid {}), started {}, did not finish: it was killed or"
              + " crashed; everything is checked again",
          interrupted.path("number").asText(),
          interrupted.path("pid").asText(),
          interrupted.path("started").asText());
    }
    this.lastDoc = new LinkedHashMap<>();
    previous.ifPresent(p -> lastDoc.putAll(StatusFile.JSON.convertValue(p, Map.class)));
    lastDoc.remove("pass_in_progress");
    lastDoc.remove("interrupted_pass"); // what an older run recovered from is history
    if (interrupted != null) {
      lastDoc.put("interrupted_pass", interrupted);
    }
  }

  void use(Backoff backoff, GitSpecs git, Duration deletionQuiet) {
    this.backoff = backoff;
    this.git = git;
    this.hold =
        git != null
            ? null // a commit is applied whole: there is no partial state to wait out
            : new DeletionHold(new SpecsQuiet(settings.specs(), clock), deletionQuiet, clock);
  }

  /**
   * Runs one pass.
   *
   * @param configure takes the agent settings of the specs just loaded, answers those in force
   * @return a line for systemd's {@code STATUS=}
   */
  String pass(String reason, Function<BootServer.Agent, AgentConfig> configure) {
    long number = passes + 1;
    Instant started = clock.instant();
    liveness.busy("pass " + number + " (" + reason + ")");
    markStarted(number, reason, started);
    running = true;
    if (hold != null) {
      hold.newPass();
    }
    Report report = null;
    String error = null;
    Set<Path> managed = null;
    try {
      liveness.progress("load the specs");
      SpecSet specs = git != null ? git.refresh().specs() : pipeline.load(settings.specs());
      AgentConfig config = configure.apply(specs.server().agent());
      liveness.progress("compile the catalog");
      Catalog catalog = pipeline.compile(specs);
      managed = managedFiles(catalog);
      Options options =
          Options.apply(false)
              .withDriftPolicy(config.onDrift())
              .withDeferred(backoff.deferred(started))
              .withCancellation(stopping)
              .withProgress(liveness::progress)
              .withDeletionGate(hold == null ? Options.DeletionGate.NEVER_HOLD : hold);
      report = pipeline.reconcile(catalog, options);
      results.account(report, backoff, clock.instant());
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
      running = false;
    }
    liveness.progress("write the status");
    Instant ended = clock.instant();
    Duration took = Duration.between(started, ended);
    if (report != null) {
      lastReconciled = new StatusDocument.Reconciled(number, started, report, count(report));
    }
    notReady = readiness(error);
    List<Map<String, Object>> owed = null;
    String owedError = null;
    try {
      owed = OwedServices.read(root);
    } catch (NetrootException e) {
      owedError = e.getMessage();
    }
    StatusDocument doc =
        new StatusDocument(
            number,
            reason,
            started,
            took,
            report,
            error,
            lastReconciled,
            notReady,
            owed,
            owedError,
            interrupted,
            backoff,
            git,
            settings);
    metrics.pass(doc.ok(), took, report == null ? null : lastReconciled.byStatus(), ended);
    lastDoc = doc.toMap();
    publish(lastDoc);
    passes = number; // counted once its status is out
    String line = "pass " + number + " (" + reason + "): " + doc.summary() + "; " + took.toMillis();
    if (error != null) {
      log.error("{} ms; {}", line, error);
    } else {
      log.info("{} ms", line);
    }
    summary = "last pass " + started + ": " + doc.summary();
    return summary;
  }

  /** Marks the status as in a pass, so that a pass cut short by a kill or a crash shows. */
  private void markStarted(long number, String reason, Instant started) {
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("number", number);
    marker.put("reason", reason);
    marker.put("started", started.toString());
    marker.put("pid", ProcessHandle.current().pid());
    Map<String, Object> doc = new LinkedHashMap<>(lastDoc);
    doc.put("pid", ProcessHandle.current().pid());
    doc.put("pass_in_progress", marker);
    publish(doc);
  }

  private void publish(Map<String, Object> doc) {
    statusJson = StatusFile.encode(doc);
    try {
      StatusFile.write(root, doc);
    } catch (NetrootException e) {
      log.warn("cannot write the status: {}", e.getMessage());
    }
  }

  /**
   * Ready while the specs in force load: the last pass converged, or is converging (a failed
   * resource is retried). Specs that do not load, or a commit that is not applied, are not ready.
   */
  private String readiness(String error) {
    if (error != null) {
      return error;
    }
    if (git != null && git.failure().isPresent()) {
      GitSpecs.Failure f = git.failure().get();
      return "commit " + GitSpecs.shortId(f.commit()) + " not applied: " + f.error();
    }
    return null;
  }

  private static Map<Status, Long> count(Report report) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    report.resources().stream()
        .filter(r -> !StatusDocument.isHeldDeletion(r))
        .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    return counts;
  }

  private Set<Path> managedFiles(Catalog catalog) {
    Set<Path> files = new HashSet<>();
    for (Resource r : catalog.resources()) {
      if (r.stateKind().namesAFile()) {
        files.add(root.resolve(r.path()));
      }
    }
    return files;
  }

  /**
   * The load, compile and reconcile path of every pass, with the caches it keeps between them; the
   * agent loads its startup specs and the specs of git commits through it too.
   */
  Pipeline pipeline() {
    return pipeline;
  }

  /** Whether a pass runs now: its own writes are not hand edits. */
  boolean running() {
    return running;
  }

  long passes() {
    return passes;
  }

  OwnWrites ownWrites() {
    return ownWrites;
  }

  Metrics metrics() {
    return metrics;
  }

  String statusJson() {
    return statusJson;
  }

  Optional<String> notReady() {
    return Optional.ofNullable(notReady);
  }

  String summary() {
    return summary;
  }

  /** When removals held back by the last pass may be made. */
  Optional<Instant> deletionsDue() {
    return hold == null ? Optional.empty() : hold.due();
  }
}
