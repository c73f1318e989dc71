package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.BackupLimits;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.FileInImage;
import io.netroot.catalog.Resource;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.TempSweep;
import io.netroot.os.UnchangedFiles;
import io.netroot.state.BackupRetention;
import io.netroot.state.Backups;
import io.netroot.state.StateSnapshots;
import io.netroot.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and applies a catalog. Plan, apply and drift are all this one call; a dry run observes and
 * decides exactly as an apply does and only skips the writes, so what plan says is what apply does.
 *
 * <p>A pass is made of parts, each in its own class: {@link ResourceCheck} checks one resource into
 * a decision, {@link StagedWrites} stages the writes and commits them into the state, {@link
 * ServiceNotices} owes and runs the service actions, and {@link OrphanRemoval} removes what the
 * catalog no longer has. {@link PassOutcome} collects what they find.
 */
public final class Engine {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final RootFs root;
  private final ServiceBackend services;
  private final Clock clock;
  private final StateSnapshots stateSnapshots;

  /** The managed files earlier passes of this engine read, for a pass not to read them again. */
  private final UnchangedFiles unchanged = new UnchangedFiles();

  /** An engine that keeps the state file's snapshots for its own passes. */
  public Engine(RootFs root, ServiceBackend services, Clock clock) {
    this(root, services, clock, new StateSnapshots());
  }

  /**
   * @param stateSnapshots the state as last read or written, kept by the caller between engines
   */
  public Engine(RootFs root, ServiceBackend services, Clock clock, StateSnapshots stateSnapshots) {
    this.root = root;
    this.services = services;
    this.clock = clock;
    this.stateSnapshots = stateSnapshots;
  }

  /** Runs one pass over the catalog. */
  public Report reconcile(Catalog catalog, Options options) {
    Instant started = clock.instant();
    // directories found free of symbolic links are trusted for this pass only; files read by an
    // earlier pass of this engine and unchanged since are not read again
    unchanged.startPass();
    RootFs root = this.root.forPass(unchanged);
    StateStore state = StateStore.open(root, !options.dryRun(), stateSnapshots);
    Backups backups = new Backups(root, clock);
    PassOutcome outcome = new PassOutcome();
    if (state.warning() != null) {
      outcome.warnings.add(state.warning());
    }
    StagedWrites writes = new StagedWrites(root, state, options, outcome);
    ServiceNotices notices = new ServiceNotices(root, services, options, catalog, outcome.warnings);
    ResourceCheck check = new ResourceCheck(root, backups, options, writes, notices, outcome);
    StopRequest stop = new StopRequest(options.cancelled());
    List<String> leftovers = sweepTemps(root, state, options, catalog, outcome.warnings);

    Set<String> managedPaths = new HashSet<>();
    try {
      for (Resource resource : catalog.resources()) {
        managedPaths.add(resource.path());
        if (!options.scope().includes(resource.id())) {
          continue;
        }
        if (stop.stopping()) {
          outcome.results.add(skipped(resource));
        } else {
          options.progress().step(resource.id().value());
          writes.commitBefore(resource, notices);
          check.reconcile(resource);
        }
      }
    } catch (RuntimeException e) {
      writes.abort(); // staged content is released, never published half-way
      throw e;
    }
    // What is staged is finished even when stopping: the resources being written are written.
    options.progress().step("commit");
    writes.commit(notices);
    List<Unexpected> unexpected = List.of();
    List<ServiceResult> serviceResults = List.of();
    if (!stop.stopping()) {
      // Stopping leaves removals and the sweep to the next pass, and the services owed in the
      // journal, so that the process ends within seconds.
      new OrphanRemoval(root, state, backups, options, writes, outcome)
          .removeAll(catalog, managedPaths);
      // Files no spec produces are looked for only when the whole boot server is in scope.
      if (options.scope().all()) {
        options.progress().step("sweep the owned directories");
        try {
          unexpected =
              new OwnedDirectorySweep(root, backups, options)
                  .sweep(catalog.ownedDirectories(), managedPaths);
        } catch (NetrootException e) {
          outcome.errors.add(e.getMessage());
        }
      }
      serviceResults = notices.runOnce();
    }
    if (!options.dryRun()) {
      writes.saveState();
      if (outcome.results.stream().anyMatch(r -> r.backup() != null)
          || unexpected.stream().anyMatch(u -> u.backup() != null)) {
        pruneBackups(root, catalog);
      }
    }
    return new Report(
        options,
        catalog.layout(),
        started,
        Duration.between(started, clock.instant()),
        outcome.results,
        unexpected,
        serviceResults,
        services.touchesServices(),
        leftovers,
        outcome.warnings,
        outcome.errors);
  }

  /** Old backups go once new ones came; a failure to prune never fails the apply. */
  private void pruneBackups(RootFs root, Catalog catalog) {
    try {
      new BackupRetention(root, clock)
          .prune(catalog.layout() == null ? BackupLimits.DEFAULT : catalog.layout().backups());
    } catch (NetrootException e) {
      log.warn("old backups not removed: {}", e.getMessage());
    }
  }

  private static ResourceResult skipped(Resource resource) {
    return ResourceResult.failed(resource, Status.BLOCKED, "not touched: the agent is stopping");
  }

  /**
   * Finds the temporary files an interrupted run left where netroot writes; an apply removes them
   * before it stages its own.
   */
  private static List<String> sweepTemps(
      RootFs root, StateStore state, Options options, Catalog catalog, List<String> warnings) {
    // A pass over some resources (files edited by hand) looks only where it may write; the next
    // full pass looks everywhere.
    boolean all = options.scope().all();
    Set<String> trees = new LinkedHashSet<>();
    if (all) {
      catalog.ownedDirectories().forEach(d -> trees.add(d.path()));
    }
    trees.add(StateStore.STATE_DIR);
    Set<String> flat = new LinkedHashSet<>();
    for (Resource resource : catalog.resources()) {
      if (!(resource instanceof FileInImage)
          && resource.stateKind().namesAFile()
          && (all || options.scope().includes(resource.id()))) {
        flat.add(parentOf(resource.path()));
      }
    }
    if (all) {
      state.ids().stream()
          .map(state::get)
          .flatMap(Optional::stream)
          .filter(r -> r.kind() != null && r.kind().namesAFile())
          .forEach(r -> flat.add(parentOf(r.path())));
    }
    List<String> found = new ArrayList<>();
    try {
      found.addAll(new TempSweep(root).sweep(flat, trees, !options.dryRun()));
    } catch (NetrootException e) {
      warnings.add(e.getMessage());
    }
    Set<String> imageDirs = new HashSet<>();
    for (Resource resource : catalog.resources()) {
      if (resource instanceof FileInImage inImage
          && (all || options.scope().includes(resource.id()))
          && imageDirs.add(inImage.image() + "/" + parentOf("/" + inImage.relInImage()))) {
        try {
          found.addAll(inImage.sweepTemps(root, !options.dryRun()));
        } catch (NetrootException e) {
          warnings.add(e.getMessage());
        }
      }
    }
    return found;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
