package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.FillProgress;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.Scope;
import io.netroot.engine.Action;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.Status;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.pipeline.Pipeline;
import io.netroot.spec.BootServer;
import io.netroot.spec.SpecInvalidException;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the agent: loads the specs in force (from the directory or the git commit), compiles
 * and reconciles them with the agent's backoff, deletion hold and drift policy, accounts the
 * results, and hands the outcome to {@link AgentStatus}.
 */
final class PassRunner {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Settings settings;
  private final RootFs root;
  private final Clock clock;
  private final Liveness liveness;
  private final BooleanSupplier stopping;
  private final Pipeline pipeline;
  private final OwnWrites ownWrites = new OwnWrites();
  private final AgentStatus status;
  private final ResultLog results;
  private Backoff backoff;
  private GitSpecs git;
  private DeletionHold hold;
  private final Consumer<Set<Path>> handEdits;

  /**
   * @param previous the status file the agent found at start, to tell a pass it never finished
   * @param handEdits told of managed files edited by hand while a pass ran, once it ends
   */
  PassRunner(
      Settings settings,
      Clock clock,
      Liveness liveness,
      BooleanSupplier stopping,
      Optional<JsonNode> previous,
      Consumer<Set<Path>> handEdits) {
    this.settings = settings;
    this.root = settings.root();
    this.clock = clock;
    this.liveness = liveness;
    this.stopping = stopping;
    this.handEdits = handEdits;
    ServiceBackend services = settings.services();
    // A fill or a build runs for minutes in other processes: what they report is the pass's
    // progress, which the watchdog and /healthz read.
    FillProgress work =
        new FillProgress() {
          @Override
          public void copied(String image, long done, long total) {
            liveness.progress("fill " + image);
          }

          @Override
          public void building(String image, String line) {
            liveness.progress("build " + image + ": " + line);
          }
        };
    this.pipeline = new Pipeline(root, () -> services, work, clock);
    this.status = new AgentStatus(settings, previous);
    this.results = new ResultLog(status.metrics());
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
    return pass(reason, configure, null);
  }

  /**
   * A pass over the managed files edited by hand, asked for by the watch that saw them change: the
   * edit is put right within moments of the save, where the next full pass might be minutes away.
   * What else is due waits for the schedule's full pass, which stays the safety net.
   */
  String passOver(Set<Path> edited, Function<BootServer.Agent, AgentConfig> configure) {
    return pass(PassRequests.HAND_EDIT, configure, edited);
  }

  private String pass(
      String reason, Function<BootServer.Agent, AgentConfig> configure, Set<Path> edited) {
    long number = status.passes() + 1;
    Instant started = clock.instant();
    liveness.busy("pass " + number + " (" + reason + ")");
    status.started(number, reason, started);
    ownWrites.passStarts();
    if (hold != null) {
      hold.newPass();
    }
    Report report = null;
    String error = null;
    Map<String, Path> files = null;
    try {
      liveness.progress("load the specs");
      SpecSet specs = git != null ? git.refresh().specs() : pipeline.load(settings.specs());
      AgentConfig config = configure.apply(specs.server().agent());
      liveness.progress("compile the catalog");
      Catalog catalog = pipeline.compile(specs);
      files = managedFiles(catalog);
      Options options =
          Options.apply(false)
              .withDriftPolicy(config.onDrift())
              .withDeferred(backoff.deferred(started))
              .withCancellation(stopping)
              .withProgress(liveness::progress)
              .withDeletionGate(hold == null ? Options.DeletionGate.NEVER_HOLD : hold)
              .withScope(edited == null ? Scope.ALL : editedScope(catalog, edited));
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
      Set<Path> editedMeanwhile = ownWrites.passEnded(files, leftAs(report));
      if (!editedMeanwhile.isEmpty()) {
        log.info("edited by hand while the pass ran: {}", editedMeanwhile);
        handEdits.accept(editedMeanwhile);
      }
    }
    liveness.progress("write the status");
    return status.finished(number, reason, started, clock.instant(), report, error, backoff, git);
  }

  /** The resources kept in the files {@code edited}, and nothing else (no orphan, no sweep). */
  private Scope editedScope(Catalog catalog, Set<Path> edited) {
    Set<ResourceId> ids = new HashSet<>();
    for (Resource r : catalog.resources()) {
      if (r.stateKind().namesAFile() && edited.contains(root.resolve(r.path()))) {
        ids.add(r.id());
      }
    }
    return Scope.of(
        ids, Set.of(), true, catalog.layout(), "files edited by hand (" + ids.size() + ")");
  }

  /**
   * How the pass left the files it looked at, from its results: a whole file found right or written
   * holds the content the pass wanted, one left as a hand edit what the pass found; the pass cannot
   * vouch for the others.
   */
  private static Map<String, OwnWrites.LeftAs> leftAs(Report report) {
    if (report == null) {
      return Map.of();
    }
    Map<String, OwnWrites.LeftAs> left = new HashMap<>();
    for (ResourceResult r : report.resources()) {
      if (r.path() == null) {
        continue;
      }
      boolean written = r.status() == Status.APPLIED;
      boolean whole =
          r.id().kind() == ResourceId.Kind.FILE || r.id().kind() == ResourceId.Kind.IMAGEFILE;
      OwnWrites.LeftAs as;
      if (whole && r.status() == Status.UNCHANGED && r.observed().sha() != null) {
        as = OwnWrites.LeftAs.content(r.observed().sha(), false);
      } else if (whole && written && r.action() == Action.DELETE) {
        as = OwnWrites.LeftAs.content(null, true);
      } else if (whole && written && r.desired().sha() != null) {
        as = OwnWrites.LeftAs.content(r.desired().sha(), true);
      } else if (whole && r.status() == Status.REPORTED) {
        as = OwnWrites.LeftAs.content(r.observed().sha(), false);
      } else {
        as = OwnWrites.LeftAs.unknown(written);
      }
      // a file several resources keep a part of is vouched for by none of them
      left.merge(r.path(), as, (a, b) -> OwnWrites.LeftAs.unknown(a.written() || b.written()));
    }
    return left;
  }

  /** The managed files, by their paths on the server; the same while the catalog is. */
  private Map<String, Path> managedFiles(Catalog catalog) {
    if (catalog == managedOf) {
      return managed;
    }
    Map<String, Path> files = new HashMap<>();
    for (Resource r : catalog.resources()) {
      if (r.stateKind().namesAFile()) {
        files.computeIfAbsent(r.path(), root::resolve);
      }
    }
    managedOf = catalog;
    managed = Collections.unmodifiableMap(files);
    return managed;
  }

  private Catalog managedOf;
  private Map<String, Path> managed;

  /**
   * The load, compile and reconcile path of every pass, with the caches it keeps between them; the
   * agent loads its startup specs and the specs of git commits through it too.
   */
  Pipeline pipeline() {
    return pipeline;
  }

  long passes() {
    return status.passes();
  }

  OwnWrites ownWrites() {
    return ownWrites;
  }

  /** Status file, {@code /status}, readiness and metrics. */
  AgentStatus status() {
    return status;
  }

  /** When removals held back by the last pass may be made. */
  Optional<Instant> deletionsDue() {
    return hold == null ? Optional.empty() : hold.due();
  }
}
