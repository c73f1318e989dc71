package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.BackupLimits;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Content;
import io.netroot.catalog.FileInImage;
import io.netroot.catalog.RecordedResource;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.ConfigChecker;
import io.netroot.os.FileBatch;
import io.netroot.os.InPlaceRewrite;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.TempSweep;
import io.netroot.state.AppliedRecord;
import io.netroot.state.BackupRetention;
import io.netroot.state.Backups;
import io.netroot.state.IntentJournal;
import io.netroot.state.PendingServices;
import io.netroot.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and applies a catalog. Plan, apply and drift are all this one call; a dry run observes and
 * decides exactly as an apply does and only skips the writes, so what plan says is what apply does.
 */
public final class Engine {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final RootFs root;
  private final ServiceBackend services;
  private final Clock clock;

  public Engine(RootFs root, ServiceBackend services, Clock clock) {
    this.root = root;
    this.services = services;
    this.clock = clock;
  }

  /** Runs one pass over the catalog. */
  public Report reconcile(Catalog catalog, Options options) {
    Instant started = clock.instant();
    // directories found free of symbolic links are trusted for this pass only
    RootFs root = this.root.forPass();
    StateStore state = StateStore.open(root, !options.dryRun());
    Backups backups = new Backups(root, clock);
    Pass pass = new Pass(root, state, backups, options, catalog);
    List<String> leftovers = pass.sweepTemps(catalog);

    Set<String> managedPaths = new HashSet<>();
    try {
      for (Resource resource : catalog.resources()) {
        managedPaths.add(resource.path());
        if (pass.stopping()) {
          pass.results.add(skipped(resource.id(), resource.path(), resource.description()));
        } else {
          options.progress().step(resource.id().value());
          pass.reconcile(resource);
        }
      }
    } catch (RuntimeException e) {
      pass.batch.abort(); // staged content is released, never published half-way
      throw e;
    }
    // What is staged is finished even when stopping: the resources being written are written.
    options.progress().step("commit");
    pass.commit();
    List<Unexpected> unexpected = List.of();
    List<ServiceResult> serviceResults = List.of();
    if (!pass.stopping()) {
      // Stopping leaves removals and the sweep to the next pass, and the services owed in the
      // journal, so that the process ends within seconds.
      Set<ResourceId> current = new HashSet<>();
      catalog.resources().forEach(r -> current.add(r.id()));
      OrphanGuard guard = new OrphanGuard(catalog, pass.broken);
      List<ResourceId> orphans = state.ids().stream().filter(id -> !current.contains(id)).toList();
      Optional<String> hold = holdDeletions(options, state, orphans);
      for (ResourceId id : orphans) {
        AppliedRecord record = state.get(id).orElseThrow();
        managedPaths.add(record.path());
        RecordedResource orphan = new RecordedResource(id, record.path(), record.kind());
        if (hold.isPresent() && removesSomething(record)) {
          pass.results.add(held(orphan, record, hold.get()));
        } else {
          options.progress().step("remove " + id.value());
          pass.removeOrphan(orphan, record, guard);
        }
      }
      options.progress().step("sweep the owned directories");
      try {
        unexpected =
            new OwnedDirectorySweep(root, backups, options)
                .sweep(catalog.ownedDirectories(), managedPaths);
      } catch (NetrootException e) {
        pass.errors.add(e.getMessage());
      }
      serviceResults = pass.runServices();
    }
    if (!options.dryRun()) {
      pass.saveState();
      if (pass.results.stream().anyMatch(r -> r.backup() != null)
          || unexpected.stream().anyMatch(u -> u.backup() != null)) {
        pruneBackups(root, catalog);
      }
    }
    return new Report(
        options,
        catalog.layout(),
        started,
        Duration.between(started, clock.instant()),
        pass.results,
        unexpected,
        serviceResults,
        services.touchesServices(),
        leftovers,
        pass.warnings,
        pass.errors);
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

  /** The prefix of the reason of a removal held back by {@link Options#deletions()}. */
  public static final String DELETION_HELD = "deletion deferred: ";

  private static Optional<String> holdDeletions(
      Options options, StateStore state, List<ResourceId> orphans) {
    if (options.dryRun() || orphans.isEmpty()) {
      return Optional.empty();
    }
    Set<ResourceId> removed = new HashSet<>(orphans);
    int deletions = 0;
    int recorded = 0;
    for (ResourceId id : state.ids()) {
      if (removesSomething(state.get(id).orElseThrow())) {
        recorded++;
        deletions += removed.contains(id) ? 1 : 0;
      }
    }
    return deletions == 0 ? Optional.empty() : options.deletions().hold(deletions, recorded);
  }

  /** Files and blocks are removed; settings and services are only forgotten. */
  private static boolean removesSomething(AppliedRecord record) {
    return record.kind() == Resource.StateKind.FILE || record.kind() == Resource.StateKind.BLOCK;
  }

  /** A removal held back: its record stays, so a later pass makes it. */
  private static ResourceResult held(RecordedResource orphan, AppliedRecord record, String why) {
    String reason = DELETION_HELD + why;
    return new ResourceResult(
        orphan.id(),
        record.path(),
        orphan.description(),
        Action.DELETE,
        reason,
        false,
        false,
        Status.BLOCKED,
        null,
        null,
        record.content(),
        null,
        null,
        -1,
        reason,
        false,
        null);
  }

  private static ResourceResult skipped(ResourceId id, String path, String description) {
    return ResourceResult.failed(
        id, path, description, Status.BLOCKED, "not touched: the agent is stopping");
  }

  /** The mutable bookkeeping of one pass. */
  private final class Pass {
    final StateStore state;
    final Backups backups;
    final Options options;
    final List<ResourceResult> results = new ArrayList<>();
    final Set<ResourceId> broken = new HashSet<>();
    final Map<ServiceAction, List<String>> serviceCauses = new LinkedHashMap<>();

    /** Present when service actions are journaled: an apply that reaches real services. */
    final Optional<PendingServices> journal;

    /**
     * Whole-file writes are staged here and made durable together (one syncfs) before anything that
     * depends on them is touched, and at the end of the resource pass.
     */
    final FileBatch batch = FileBatch.flushingFilesystems();

    /** The root as this pass sees it. */
    final RootFs root;

    /** The root as resources write to it: file writes go into {@link #batch}. */
    final RootFs writeRoot;

    /** Written since the last commit: their state and service notices wait for the commit. */
    final List<Staged> staged = new ArrayList<>();

    final Set<ResourceId> stagedIds = new HashSet<>();

    private boolean stopped;

    /** What the pass as a whole recovered from, and what went wrong for it as a whole. */
    final List<String> warnings = new ArrayList<>();

    final List<String> errors = new ArrayList<>();

    /** Writes an interrupted pass renamed into place, by the journal it left. */
    final IntentJournal intents;

    final Map<ResourceId, IntentJournal.Write> interrupted;

    /** What the journal on disk holds: the interrupted pass's writes, then this pass's. */
    final Map<ResourceId, IntentJournal.Write> journaled;

    /** Resources of the interrupted pass this pass has looked at: their entries are settled. */
    final Set<ResourceId> settled = new HashSet<>();

    Pass(RootFs root, StateStore state, Backups backups, Options options, Catalog catalog) {
      this.root = root;
      this.writeRoot = root.writingTo(batch);
      this.state = state;
      this.backups = backups;
      this.options = options;
      if (state.warning() != null) {
        warnings.add(state.warning());
      }
      this.intents = new IntentJournal(root);
      this.interrupted = intents.load(!options.dryRun());
      if (intents.unreadable() != null) {
        warnings.add(intents.unreadable());
      }
      this.journaled = new LinkedHashMap<>(interrupted);
      this.journal =
          !options.dryRun() && services.touchesServices()
              ? Optional.of(new PendingServices(root))
              : Optional.empty();
      journal.ifPresent(
          j ->
              j.load()
                  .forEach(
                      (action, causes) -> {
                        log.info("{} is owed by an earlier pass; running it", action.describe());
                        serviceCauses.put(action, new ArrayList<>(causes));
                      }));
      journal.map(PendingServices::unreadable).ifPresent(why -> oweEverything(catalog, why));
    }

    /** The service journal was unreadable: every service the catalog can notify is owed. */
    private void oweEverything(Catalog catalog, String why) {
      warnings.add(why);
      for (Resource resource : catalog.resources()) {
        for (ServiceAction action : resource.notifies()) {
          serviceCauses.computeIfAbsent(action, a -> new ArrayList<>(List.of(PENDING_UNKNOWN)));
        }
      }
    }

    /**
     * Finds the temporary files an interrupted run left where netroot writes; an apply removes them
     * before it stages its own.
     */
    List<String> sweepTemps(Catalog catalog) {
      Set<String> trees = new LinkedHashSet<>();
      catalog.ownedDirectories().forEach(d -> trees.add(d.path()));
      trees.add(StateStore.STATE_DIR);
      Set<String> flat = new LinkedHashSet<>();
      for (Resource resource : catalog.resources()) {
        // a service's "path" (systemd:NAME) names no directory
        if (!(resource instanceof FileInImage) && resource.path().startsWith("/")) {
          flat.add(parentOf(resource.path()));
        }
      }
      state.ids().stream()
          .map(state::get)
          .flatMap(Optional::stream)
          .filter(r -> r.path().startsWith("/"))
          .forEach(r -> flat.add(parentOf(r.path())));
      try {
        return new TempSweep(root).sweep(flat, trees, !options.dryRun());
      } catch (NetrootException e) {
        warnings.add(e.getMessage());
        return List.of();
      }
    }

    /**
     * The record netroot last wrote, or the write an interrupted pass journaled when the file holds
     * exactly that: netroot's own write, which the state did not get to record.
     */
    private Optional<AppliedRecord> lastApplied(ResourceId id, Optional<Content> actual) {
      Optional<AppliedRecord> last = state.get(id);
      IntentJournal.Write write = interrupted.get(id);
      if (write == null) {
        return last;
      }
      settled.add(id);
      String actualSha = actual.map(Content::sha256).orElse(null);
      if (!write.sha256().equals(actualSha)
          || last.map(AppliedRecord::sha256).orElse("").equals(actualSha)) {
        return last;
      }
      log.info("{}: written by an interrupted pass; recorded as applied", id);
      AppliedRecord adopted =
          write.record(actual.filter(Content::isText).map(Content::asText).orElse(null));
      if (!options.dryRun()) {
        state.put(id, adopted);
      }
      return Optional.of(adopted);
    }

    /**
     * Saves the state; the journal of writes then holds only what this pass did not settle. A state
     * that cannot be saved is an error of the pass, and the journal stays for the next run.
     */
    void saveState() {
      try {
        state.save();
        Map<ResourceId, IntentJournal.Write> open = new LinkedHashMap<>(interrupted);
        open.keySet().removeAll(settled);
        if (!open.equals(journaled)) {
          intents.save(open.values());
        }
      } catch (NetrootException e) {
        errors.add(
            e.getMessage()
                + "; the changes reported are on disk, and the next run recognises them as"
                + " netroot's own");
      }
    }

    boolean stopping() {
      if (!stopped && options.cancelled().getAsBoolean()) {
        stopped = true;
        log.info("stopping: the remaining resources are left to the next pass");
      }
      return stopped;
    }

    /** A written resource whose file writes wait for the batch to be committed. */
    private record Staged(Resource resource, int resultIndex, AppliedRecord record) {}

    /**
     * Makes every staged write durable and visible. A resource whose file could not be put in place
     * becomes a failure, and what depends on it is blocked; the others get their state recorded and
     * their services told.
     */
    void commit() {
      if (staged.isEmpty()) {
        return;
      }
      for (Staged s : staged) {
        Resource r = s.resource();
        if (s.record() != null) {
          journaled.put(
              r.id(),
              new IntentJournal.Write(
                  r.id().value(), r.path(), r.stateKind(), s.record().sha256()));
        }
      }
      Map<java.nio.file.Path, NetrootException> failures;
      try {
        // The journal is on disk before the first rename: a crash after it leaves the next run
        // able to tell netroot's writes from hand edits.
        intents.save(journaled.values());
        failures = batch.commit();
      } catch (NetrootException e) {
        batch.abort();
        Map<java.nio.file.Path, NetrootException> all = new LinkedHashMap<>();
        for (Staged s : staged) {
          stagedFile(s.resource()).ifPresent(file -> all.put(file, e));
        }
        failures = all;
      }
      for (Staged s : staged) {
        Resource resource = s.resource();
        NetrootException failure = stagedFile(resource).map(failures::get).orElse(null);
        if (failure != null) {
          broken.add(resource.id());
          results.set(
              s.resultIndex(),
              ResourceResult.failed(
                  resource.id(),
                  resource.path(),
                  resource.description(),
                  Status.FAILED,
                  failure.getMessage()));
          continue;
        }
        if (s.record() != null) {
          state.put(resource.id(), s.record());
        }
        notify(resource);
      }
      staged.clear();
      stagedIds.clear();
    }

    /**
     * The real file a staged resource wrote through the batch; empty for a resource that writes no
     * file on the server (a service's state, whose "path" is {@code systemd:NAME}).
     */
    private Optional<java.nio.file.Path> stagedFile(Resource resource) {
      return resource.path().startsWith("/")
          ? Optional.of(root.resolve(resource.path()))
          : Optional.empty();
    }

    private void notify(Resource resource) {
      for (ServiceAction action : resource.notifies()) {
        List<String> causes = serviceCauses.computeIfAbsent(action, a -> new ArrayList<>());
        if (!causes.contains(resource.path())) {
          causes.add(resource.path());
        }
      }
    }

    void reconcile(Resource resource) {
      if (resource.dependsOn().stream().anyMatch(stagedIds::contains)) {
        commit();
      }
      java.time.Instant retryAt = options.deferred().get(resource.id());
      if (retryAt != null) {
        log.debug("{}: deferred until {}", resource.id(), retryAt);
        fail(resource, Status.BLOCKED, "deferred: failed earlier; next retry at " + retryAt);
        return;
      }
      Optional<ResourceId> failedDependency =
          resource.dependsOn().stream().filter(broken::contains).findFirst();
      if (failedDependency.isPresent()) {
        log.debug("{}: blocked by {}", resource.id(), failedDependency.get());
        fail(resource, Status.BLOCKED, "not touched: " + failedDependency.get() + " failed");
        return;
      }
      try {
        results.add(check(resource));
      } catch (NetrootException e) {
        log.debug("{}: failed", resource.id(), e);
        fail(resource, Status.FAILED, e.getMessage());
      }
    }

    /** Records a resource that failed or was not touched; what depends on it is blocked. */
    private void fail(Resource resource, Status status, String why) {
      broken.add(resource.id());
      results.add(
          ResourceResult.failed(
              resource.id(), resource.path(), resource.description(), status, why));
    }

    private ResourceResult check(Resource resource) {
      Content desired = resource.desired();
      Optional<Content> actual = resource.observe(root);
      Optional<AppliedRecord> last = lastApplied(resource.id(), actual);
      Decision decision =
          Decision.decide(
              desired.sha256(),
              actual.map(Content::sha256).orElse(null),
              last.map(AppliedRecord::sha256).orElse(null),
              resource.attributeChange().orElse(null));
      Backups.Entry backup = null;
      Status status = Status.UNCHANGED;
      boolean keepsBackup =
          decision.action() != Action.NOOP
              && !decision.attributesOnly()
              && needsBackup(resource, actual, last);
      boolean reportOnly =
          decision.action() != Action.NOOP
              && decision.handEdit()
              && !decision.specChange()
              && options.onDrift() == Options.DriftPolicy.REPORT;
      String reason = decision.reason();
      if (reportOnly) {
        keepsBackup = false;
        status = Status.REPORTED;
        reason = reason + "; reported, not reverted";
        log.debug("{}: hand edit reported, not reverted", resource.id());
      } else if (decision.attributesOnly()) {
        // The content is right: nothing to check, back up or tell a service; only set in place.
        status = Status.PLANNED;
        if (!options.dryRun()) {
          resource.fixAttributes(root, decision.attributes());
          status = Status.APPLIED;
          if (!last.map(AppliedRecord::sha256).orElse("").equals(desired.sha256())) {
            state.put(resource.id(), record(resource, desired));
          }
        }
      } else if (decision.action() != Action.NOOP) {
        Optional<String> inPlace = InPlaceRewrite.note(root, resource.path());
        if (inPlace.isPresent()) {
          reason = reason + " (" + inPlace.get() + ")";
        }
        for (ConfigChecker checker : resource.checker().stream().toList()) {
          verify(resource, desired, checker);
        }
        status = Status.PLANNED;
        if (!options.dryRun()) {
          owe(resource);
          if (keepsBackup) {
            backup = backUp(resource, decision.reason());
          }
          resource.write(writeRoot, desired);
          status = Status.APPLIED;
          // State and service notices wait for the batch: only a write that is on disk counts.
          staged.add(new Staged(resource, results.size(), record(resource, desired)));
          stagedIds.add(resource.id());
        } else {
          notify(resource);
        }
      } else {
        log.debug("{}: up to date", resource.id());
      }
      if (!options.dryRun()
          && status != Status.APPLIED
          && !last.map(AppliedRecord::sha256).orElse("").equals(desired.sha256())) {
        state.put(resource.id(), record(resource, desired));
      }
      // Texts are decoded only where a diff can be shown: a change or a hand edit. With nothing to
      // change (most resources of most passes) only the hashes are kept.
      boolean shown = decision.action() != Action.NOOP || decision.handEdit();
      return new ResourceResult(
          resource.id(),
          resource.path(),
          resource.description(),
          decision.action(),
          reason,
          decision.handEdit(),
          decision.conflict(),
          status,
          shown ? actual.filter(Content::isText).map(Content::asText).orElse(null) : null,
          shown && desired.isText() ? desired.asText() : null,
          shown ? last.map(AppliedRecord::content).orElse(null) : null,
          actual.map(Content::sha256).orElse(null),
          desired.sha256(),
          desired.size(),
          null,
          keepsBackup,
          backup,
          decision.attributes(),
          decision.contentEdited());
    }

    /**
     * Journals the service actions a write calls for before the write, so that a crash right after
     * it cannot lose them.
     */
    private void owe(Resource resource) {
      if (journal.isEmpty() || resource.notifies().isEmpty()) {
        return;
      }
      boolean added = false;
      for (ServiceAction action : resource.notifies()) {
        List<String> causes = serviceCauses.computeIfAbsent(action, a -> new ArrayList<>());
        if (!causes.contains(resource.path())) {
          causes.add(resource.path());
          added = true;
        }
      }
      if (added) {
        journal.get().save(serviceCauses);
      }
    }

    private void verify(Resource resource, Content desired, ConfigChecker checker) {
      if (!checker.available()) {
        log.debug("{}: {} not installed, installing unchecked", resource.id(), checker.name());
        return;
      }
      Optional<String> complaint = checker.check(resource.candidate(root, desired));
      if (complaint.isPresent()) {
        throw new ValidationFailedException(
            checker.name()
                + " rejects the new "
                + resource.path()
                + "; nothing installed:\n"
                + complaint.get());
      }
    }

    /**
     * A file is backed up before it changes when it exists and its managed part is not what netroot
     * last wrote: a hand edit, or a file netroot never wrote.
     */
    private boolean needsBackup(
        Resource resource, Optional<Content> actual, Optional<AppliedRecord> last) {
      boolean differsFromLastWrite =
          last.isEmpty() || !actual.map(Content::sha256).orElse("").equals(last.get().sha256());
      return resource.backedUp()
          && differsFromLastWrite
          && (resource instanceof FileInImage inImage
              ? inImage.hasRegularFile(root)
              : backups.canSave(resource.path()));
    }

    /**
     * A file inside a root image is backed up from what the resource read there without following a
     * link, so a client's link never puts another file into the backups.
     */
    private Backups.Entry backUp(Resource resource, String reason) {
      if (resource instanceof FileInImage inImage) {
        return inImage
            .currentFile(root)
            .map(bytes -> backups.save(resource.path(), bytes, reason))
            .orElse(null);
      }
      return backups.save(resource.path(), reason);
    }

    void removeOrphan(RecordedResource resource, AppliedRecord recorded, OrphanGuard guard) {
      try {
        Optional<Content> actual = resource.observe(root);
        AppliedRecord record = lastApplied(resource.id(), actual).orElse(recorded);
        Optional<ResourceId> holder = guard.holder(record.path());
        if (holder.isPresent() && actual.isPresent()) {
          log.debug("{}: removal deferred while {} is not applied", resource.id(), holder.get());
          results.add(
              ResourceResult.failed(
                  resource.id(),
                  record.path(),
                  resource.description(),
                  Status.BLOCKED,
                  "removal deferred: "
                      + holder.get()
                      + " failed or was blocked and may still name this file"));
          return;
        }
        Decision decision =
            Decision.decideOrphan(actual.map(Content::sha256).orElse(null), record.sha256());
        Backups.Entry backup = null;
        Status status = decision.action() == Action.NOOP ? Status.UNCHANGED : Status.PLANNED;
        if (!options.dryRun()) {
          if (decision.action() == Action.DELETE) {
            if (decision.handEdit()) {
              backup = backups.save(record.path(), decision.reason());
            }
            resource.remove(root);
            status = Status.APPLIED;
          }
          state.remove(resource.id());
        }
        results.add(
            new ResourceResult(
                resource.id(),
                record.path(),
                resource.description(),
                decision.action(),
                decision.reason(),
                decision.handEdit() && actual.isPresent(),
                false,
                status,
                actual.filter(Content::isText).map(Content::asText).orElse(null),
                null,
                record.content(),
                actual.map(Content::sha256).orElse(null),
                null,
                -1,
                null,
                decision.handEdit() && decision.action() == Action.DELETE,
                backup));
      } catch (NetrootException e) {
        results.add(
            ResourceResult.failed(
                resource.id(),
                recorded.path(),
                resource.description(),
                Status.FAILED,
                e.getMessage()));
      }
    }

    List<ServiceResult> runServices() {
      List<ServiceResult> out = runEachService();
      if (journal.isPresent()) {
        // What failed stays owed, so the next pass tries it again.
        Map<ServiceAction, List<String>> owed = new LinkedHashMap<>();
        out.stream()
            .filter(s -> s.status() == Status.FAILED)
            .forEach(s -> owed.put(s.action(), s.causes()));
        journal.get().save(owed);
      }
      return out;
    }

    private List<ServiceResult> runEachService() {
      List<ServiceResult> out = new ArrayList<>();
      serviceCauses.forEach(
          (action, causes) -> {
            options.progress().step(action.describe());
            if (options.dryRun()) {
              out.add(new ServiceResult(action, causes, Status.PLANNED, null));
            } else if (!services.touchesServices()) {
              out.add(new ServiceResult(action, causes, Status.NOT_TOUCHED, null));
            } else {
              try {
                switch (action.kind()) {
                  case RESTART -> services.restart(action.service());
                  case REEXPORT -> services.reexport();
                  case DAEMON_RELOAD -> services.daemonReload();
                }
                out.add(new ServiceResult(action, causes, Status.APPLIED, null));
              } catch (NetrootException e) {
                out.add(new ServiceResult(action, causes, Status.FAILED, e.getMessage()));
              }
            }
          });
      return out;
    }
  }

  /** The cause named for a service action owed by an unreadable service journal. */
  private static final String PENDING_UNKNOWN = "an interrupted pass (its journal was unreadable)";

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static AppliedRecord record(Resource resource, Content desired) {
    return new AppliedRecord(
        resource.path(),
        resource.stateKind(),
        desired.sha256(),
        desired.isText() ? desired.asText() : null);
  }
}
