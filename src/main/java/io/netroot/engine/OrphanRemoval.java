package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Content;
import io.netroot.catalog.RecordedResource;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.engine.ResourceResult.Observed;
import io.netroot.os.RootFs;
import io.netroot.state.AppliedRecord;
import io.netroot.state.Backups;
import io.netroot.state.StateStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The removal part of a pass: what the state records but the catalog no longer has is removed (a
 * file or block, backed up first when edited by hand or when the catalog asks for it, {@link
 * Catalog#backedUpRemovals()}) or only forgotten (settings, services). A removal waits while a
 * failed or blocked resource may still name the file ({@link OrphanGuard}), and the removals of an
 * apply are all held back while {@link Options#deletions()} says so: their records stay, so a later
 * pass makes them.
 */
final class OrphanRemoval {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final RootFs root;
  private final StateStore state;
  private final Backups backups;
  private final Options options;
  private final StagedWrites writes;
  private final PassOutcome outcome;

  OrphanRemoval(
      RootFs root,
      StateStore state,
      Backups backups,
      Options options,
      StagedWrites writes,
      PassOutcome outcome) {
    this.root = root;
    this.state = state;
    this.backups = backups;
    this.options = options;
    this.writes = writes;
    this.outcome = outcome;
  }

  /** Removes, holds or forgets each orphan, adding its path to {@code managedPaths}. */
  void removeAll(Catalog catalog, Set<String> managedPaths) {
    // what the scope may remove first: a pass over some hosts' files looks at no orphan, and so
    // needs no set of every resource id
    List<ResourceId> candidates =
        state.ids().stream()
            .filter(id -> options.scope().includesOrphan(id, state.get(id).orElseThrow().path()))
            .toList();
    if (candidates.isEmpty()) {
      return;
    }
    Set<ResourceId> current = new HashSet<>();
    catalog.resources().forEach(r -> current.add(r.id()));
    List<ResourceId> orphans = candidates.stream().filter(id -> !current.contains(id)).toList();
    if (orphans.isEmpty()) {
      return;
    }
    OrphanGuard guard = new OrphanGuard(catalog, outcome.broken);
    Optional<String> hold = holdDeletions(orphans);
    for (ResourceId id : orphans) {
      AppliedRecord record = state.get(id).orElseThrow();
      managedPaths.add(record.path());
      RecordedResource orphan = new RecordedResource(id, record.path(), record.kind());
      if (hold.isPresent() && removesSomething(record)) {
        outcome.results.add(held(orphan, record, hold.get()));
      } else {
        options.progress().step("remove " + id.value());
        remove(orphan, record, guard, catalog.backedUpRemovals().contains(record.path()));
      }
    }
  }

  /** Why the removals of this apply are held back, if they are. */
  private Optional<String> holdDeletions(List<ResourceId> orphans) {
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

  /**
   * A removal held back: its record stays, so a later pass makes it. The reason is why removals
   * wait; the error says so as one line.
   */
  private static ResourceResult held(RecordedResource orphan, AppliedRecord record, String why) {
    return ResourceResult.builder(orphan.id(), record.path(), orphan.description())
        .action(Action.DELETE)
        .reason(why)
        .status(Status.HELD)
        .lastApplied(record.content())
        .error("deletion deferred: " + why)
        .build();
  }

  /**
   * @param alwaysBackUp a backup is kept even when netroot's part was not edited by hand
   */
  private void remove(
      RecordedResource resource, AppliedRecord recorded, OrphanGuard guard, boolean alwaysBackUp) {
    try {
      Optional<Content> actual = resource.observe(root);
      AppliedRecord record = writes.lastApplied(resource.id(), actual).orElse(recorded);
      Optional<ResourceId> holder = guard.holder(record.path());
      if (holder.isPresent() && actual.isPresent()) {
        log.debug("{}: removal deferred while {} is not applied", resource.id(), holder.get());
        outcome.results.add(
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
      boolean backUp =
          decision.action() == Action.DELETE
              && (decision.handEdit() || (alwaysBackUp && removesSomething(record)));
      if (!options.dryRun()) {
        if (decision.action() == Action.DELETE) {
          if (backUp) {
            backup = backups.save(record.path(), decision.reason());
          }
          resource.remove(root);
          status = Status.APPLIED;
        }
        state.remove(resource.id());
      }
      outcome.results.add(
          ResourceResult.builder(resource.id(), record.path(), resource.description())
              .action(decision.action())
              .reason(decision.reason())
              .drift(decision.drift())
              .status(status)
              .observed(Observed.of(actual))
              .lastApplied(record.content())
              .keepsBackup(backUp)
              .backup(backup)
              .build());
    } catch (NetrootException e) {
      outcome.results.add(ResourceResult.failed(resource, Status.FAILED, e.getMessage()));
    }
  }
}
