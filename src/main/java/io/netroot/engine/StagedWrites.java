package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.Content;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.os.FileBatch;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import io.netroot.state.AppliedRecord;
import io.netroot.state.IntentJournal;
import io.netroot.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing part of a pass: whole-file writes are staged in a {@link FileBatch} and made durable
 * together (one syncfs, then the renames), before anything that depends on them is touched and at
 * the end of the resource pass. Only a write that is on disk gets its state recorded and its
 * services told; a resource whose file could not be put in place fails, and what depends on it is
 * blocked. The paths and hashes of a batch go to the {@link IntentJournal} before its renames, so
 * the next pass after a crash adopts them as netroot's own writes rather than hand edits.
 */
final class StagedWrites {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /** A written resource whose file writes wait for the batch to be committed. */
  private record Staged(Resource resource, int resultIndex, AppliedRecord record) {}

  private final StateStore state;
  private final Options options;
  private final PassOutcome outcome;

  /** Whole-file writes of the resources written since the last commit. */
  private final FileBatch batch = FileBatch.flushingFilesystems();

  /** The root as this pass sees it. */
  private final RootFs root;

  /** The root as resources write to it: file writes go into {@link #batch}. */
  private final RootFs writeRoot;

  /** Written since the last commit: their state and service notices wait for the commit. */
  private final List<Staged> staged = new ArrayList<>();

  private final Set<ResourceId> stagedIds = new HashSet<>();

  /** Writes an interrupted pass renamed into place, by the journal it left. */
  private final IntentJournal intents;

  private final Map<ResourceId, IntentJournal.Write> interrupted;

  /** What the journal on disk holds: the interrupted pass's writes, then this pass's. */
  private final Map<ResourceId, IntentJournal.Write> journaled;

  /** Resources of the interrupted pass this pass has looked at: their entries are settled. */
  private final Set<ResourceId> settled = new HashSet<>();

  /** Loads the journal an interrupted pass left; an unreadable one is a warning of the pass. */
  StagedWrites(RootFs root, StateStore state, Options options, PassOutcome outcome) {
    this.root = root;
    this.writeRoot = root.writingTo(batch);
    this.state = state;
    this.options = options;
    this.outcome = outcome;
    this.intents = new IntentJournal(root);
    this.interrupted = intents.load(!options.dryRun());
    if (intents.unreadable() != null) {
      outcome.warnings.add(intents.unreadable());
    }
    this.journaled = new LinkedHashMap<>(interrupted);
  }

  /**
   * The record netroot last wrote, or the write an interrupted pass journaled when the file holds
   * exactly that: netroot's own write, which the state did not get to record.
   */
  Optional<AppliedRecord> lastApplied(ResourceId id, Optional<Content> actual) {
    Optional<AppliedRecord> last = state.get(id);
    IntentJournal.Write write = interrupted.get(id);
    if (write == null) {
      return last;
    }
    settled.add(id);
    Sha256 actualSha = actual.map(Content::sha256).orElse(null);
    if (!write.sha256().equals(actualSha)
        || last.map(AppliedRecord::sha256).filter(s -> s.equals(actualSha)).isPresent()) {
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
   * Records the desired content as applied without a write (what is on disk is already it, or only
   * its mode and owner were set), unless the state says so already.
   */
  void recordInPlace(Resource resource, Content desired, Optional<AppliedRecord> last) {
    if (!last.map(AppliedRecord::sha256).filter(desired.sha256()::equals).isPresent()) {
      state.put(resource.id(), record(resource, desired));
    }
  }

  /**
   * Writes the resource through the batch. Its state and service notices wait for the commit, which
   * replaces its result (at {@code resultIndex}) by a failure if its file could not be put in
   * place.
   */
  void stage(Resource resource, Content desired, int resultIndex) {
    resource.write(writeRoot, desired);
    staged.add(new Staged(resource, resultIndex, record(resource, desired)));
    stagedIds.add(resource.id());
  }

  /** Commits first when the resource depends on one that is staged, so it sees that on disk. */
  void commitBefore(Resource resource, ServiceNotices notices) {
    if (resource.dependsOn().stream().anyMatch(stagedIds::contains)) {
      commit(notices);
    }
  }

  /**
   * Makes every staged write durable and visible. A resource whose file could not be put in place
   * becomes a failure, and what depends on it is blocked; the others get their state recorded and
   * their services told.
   */
  void commit(ServiceNotices notices) {
    if (staged.isEmpty()) {
      return;
    }
    for (Staged s : staged) {
      Resource r = s.resource();
      journaled.put(
          r.id(),
          new IntentJournal.Write(r.id().value(), r.path(), r.stateKind(), s.record().sha256()));
    }
    Map<Path, NetrootException> failures;
    try {
      // The journal is on disk before the first rename: a crash after it leaves the next run
      // able to tell netroot's writes from hand edits.
      intents.save(journaled.values());
      failures = batch.commit();
    } catch (NetrootException e) {
      batch.abort();
      Map<Path, NetrootException> all = new LinkedHashMap<>();
      for (Staged s : staged) {
        stagedFile(s.resource()).ifPresent(file -> all.put(file, e));
      }
      failures = all;
    }
    for (Staged s : staged) {
      Resource resource = s.resource();
      NetrootException failure = stagedFile(resource).map(failures::get).orElse(null);
      if (failure != null) {
        outcome.broken.add(resource.id());
        outcome.results.set(
            s.resultIndex(), ResourceResult.failed(resource, Status.FAILED, failure.getMessage()));
        continue;
      }
      state.put(resource.id(), s.record());
      notices.notify(resource);
    }
    staged.clear();
    stagedIds.clear();
  }

  /** Releases what is staged without publishing any of it (the pass ends on an exception). */
  void abort() {
    batch.abort();
  }

  /**
   * The real file a staged resource wrote through the batch; empty for a resource that writes no
   * file on the server (a service's state, whose "path" is {@code systemd:NAME}).
   */
  private Optional<Path> stagedFile(Resource resource) {
    return resource.stateKind().namesAFile()
        ? Optional.of(root.resolve(resource.path()))
        : Optional.empty();
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
      outcome.errors.add(
          e.getMessage()
              + "; the changes reported are on disk, and the next run recognises them as"
              + " netroot's own");
    }
  }

  private static AppliedRecord record(Resource resource, Content desired) {
    return new AppliedRecord(
        resource.path(),
        resource.stateKind(),
        desired.sha256(),
        desired.isText() ? desired.asText() : null);
  }
}
