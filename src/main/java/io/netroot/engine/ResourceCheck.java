package io.netroot.engine;

import io.netroot.DriftPolicy;
import io.netroot.NetrootException;
import io.netroot.adopt.Adoption;
import io.netroot.catalog.Content;
import io.netroot.catalog.ContentNotReadyException;
import io.netroot.catalog.FileInImage;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.engine.ResourceResult.Desired;
import io.netroot.engine.ResourceResult.FileTexts;
import io.netroot.engine.ResourceResult.Observed;
import io.netroot.os.ConfigChecker;
import io.netroot.os.Found;
import io.netroot.os.InPlaceRewrite;
import io.netroot.os.RootFs;
import io.netroot.state.AppliedRecord;
import io.netroot.state.Backups;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checking part of a pass, one resource at a time: a resource deferred by the agent's backoff
 * or depending on a broken one is blocked; any other is observed and compared with what it should
 * be and what netroot last wrote ({@link Decision}), which says what would change, whether it is
 * drift and whether a backup is needed. The drift policy may leave a hand edit reported only. A
 * change is checked by the daemon's checker in a dry run as in an apply; an apply then backs up
 * what it overwrites and stages the write ({@link StagedWrites}).
 *
 * <p>A resource is observed once per pass: the decision, the checker's candidate, the backup and
 * the write all use what {@link Resource#observe} read. The write refuses when the file changed on
 * disk since ({@link io.netroot.catalog.ChangedOnDiskException}); the resource then fails this pass
 * and nothing of it is written, so the next pass decides again on the file as it is.
 */
final class ResourceCheck {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final RootFs root;
  private final Backups backups;
  private final Options options;
  private final StagedWrites writes;
  private final ServiceNotices notices;
  private final PassOutcome outcome;

  ResourceCheck(
      RootFs root,
      Backups backups,
      Options options,
      StagedWrites writes,
      ServiceNotices notices,
      PassOutcome outcome) {
    this.root = root;
    this.backups = backups;
    this.options = options;
    this.writes = writes;
    this.notices = notices;
    this.outcome = outcome;
  }

  /** Checks (and in an apply, fixes) one resource, adding its result to the pass. */
  void reconcile(Resource resource) {
    Instant retryAt = options.deferred().get(resource.id());
    if (retryAt != null) {
      log.debug("{}: deferred until {}", resource.id(), retryAt);
      outcome.fail(resource, Status.DEFERRED, "deferred: failed earlier; next retry at " + retryAt);
      return;
    }
    Optional<ResourceId> failedDependency =
        resource.dependsOn().stream().filter(outcome.broken::contains).findFirst();
    if (failedDependency.isPresent()) {
      log.debug("{}: blocked by {}", resource.id(), failedDependency.get());
      outcome.fail(resource, Status.BLOCKED, "not touched: " + failedDependency.get() + " failed");
      return;
    }
    try {
      outcome.results.add(check(resource));
    } catch (ContentNotReadyException e) {
      if (options.dryRun() && dependencyChanges(resource)) {
        log.debug("{}: comes from what this pass makes first", resource.id());
        outcome.results.add(notReadyYet(resource, e.getMessage()));
      } else {
        log.debug("{}: failed", resource.id(), e);
        outcome.fail(resource, Status.FAILED, e.getMessage());
      }
    } catch (NetrootException e) {
      log.debug("{}: failed", resource.id(), e);
      outcome.fail(resource, Status.FAILED, e.getMessage());
    }
  }

  /** Whether something this resource depends on changes in this (dry) pass. */
  private boolean dependencyChanges(Resource resource) {
    return outcome.results.stream()
        .anyMatch(r -> r.changes() && resource.dependsOn().contains(r.id()));
  }

  /**
   * A resource whose content comes from what a dependency makes in this pass: planned, with no
   * content to show yet.
   */
  private ResourceResult notReadyYet(Resource resource, String why) {
    Optional<Content> actual = resource.observe(root);
    boolean fileThere = actual.isPresent() || resource.missingFromExistingFile().isPresent();
    return ResourceResult.builder(resource)
        .action(fileThere ? Action.UPDATE : Action.CREATE)
        .reason("from what is made before it: " + why)
        .status(Status.PLANNED)
        .observed(Observed.withoutText(actual))
        .build();
  }

  private ResourceResult check(Resource resource) {
    Content desired = resource.desired();
    for (String warning : resource.warnings()) {
      outcome.warnings.add(resource.path() + ": " + warning);
    }
    Optional<Content> actual = resource.observe(root);
    Optional<AppliedRecord> last = writes.lastApplied(resource.id(), actual);
    Optional<String> missingPart = resource.missingFromExistingFile();
    Optional<Adoption> adoption = resource.adoption();
    Decision decision =
        Decision.decide(
            desired.sha256(),
            actual.map(Content::sha256).orElse(null),
            last.map(AppliedRecord::sha256).orElse(null),
            resource.attributeChange().orElse(null),
            missingPart.orElse(null));
    if (adoption.isPresent()) {
      decision = decision.adopting(adoption.get().describe());
    }
    // Taken before the write, which uses up what the observe read. A part added to a file, or
    // declarations taken over from around it, show best among the lines that stay.
    FileTexts wholeFile =
        decision.action() != Action.NOOP && (missingPart.isPresent() || adoption.isPresent())
            ? wholeFile(resource, desired)
            : null;
    Backups.Entry backup = null;
    Status status = Status.UNCHANGED;
    boolean keepsBackup =
        decision.action() != Action.NOOP
            && !decision.attributesOnly()
            && (needsBackup(resource, actual, last)
                // the text around the part changes: always kept first
                || adoption.isPresent() && resource.backedUp() && backups.canSave(resource.path()));
    boolean reportOnly =
        decision.action() != Action.NOOP
            && decision.handEdit()
            && !decision.specChange()
            && options.onDrift() == DriftPolicy.REPORT;
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
        writes.recordInPlace(resource, desired, last);
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
        notices.owe(resource);
        if (keepsBackup) {
          backup = backUp(resource, decision.reason());
        }
        // State and service notices wait for the batch: only a write that is on disk counts.
        writes.stage(resource, desired, outcome.results.size());
        status = Status.APPLIED;
      } else {
        notices.notify(resource);
      }
    } else {
      log.debug("{}: up to date", resource.id());
    }
    if (!options.dryRun() && status != Status.APPLIED) {
      writes.recordInPlace(resource, desired, last);
    }
    // Texts are decoded only where a diff can be shown: a change or a hand edit. With nothing to
    // change (most resources of most passes) only the hashes are kept.
    boolean shown = decision.action() != Action.NOOP || decision.handEdit();
    return ResourceResult.builder(resource)
        .action(decision.action())
        .reason(reason)
        .drift(decision.drift())
        .conflict(decision.conflict())
        .status(status)
        .observed(shown ? Observed.of(actual) : Observed.withoutText(actual))
        .desired(shown ? Desired.of(desired) : Desired.withoutText(desired))
        .lastApplied(shown ? last.map(AppliedRecord::content).orElse(null) : null)
        .keepsBackup(keepsBackup)
        .backup(backup)
        .attributes(decision.attributes())
        .wholeFile(wholeFile)
        .build();
  }

  /**
   * The whole file as observed and as it will be written, for a resource whose part the pass adds
   * to a file that is there: the diff then shows where the part goes among the lines that stay.
   * Both come from what the observe read ({@link Resource#candidate}); null when the part is not
   * text.
   */
  private FileTexts wholeFile(Resource resource, Content desired) {
    if (!desired.isText() || !(resource.observedFile().orElse(null) instanceof Found.File onDisk)) {
      return null;
    }
    return new FileTexts(
        new String(onDisk.bytes(), StandardCharsets.UTF_8),
        new String(resource.candidate(root, desired), StandardCharsets.UTF_8));
  }

  private void verify(Resource resource, Content desired, ConfigChecker checker) {
    if (!checker.available()) {
      log.debug("{}: {} not installed, installing unchecked", resource.id(), checker.name());
      return;
    }
    ConfigChecker.Verdict verdict =
        checker.check(resource.candidate(root, desired), desired.asText());
    if (verdict.refusal().isPresent()) {
      throw new ValidationFailedException(
          checker.name()
              + " rejects the new "
              + resource.path()
              + "; nothing installed:\n"
              + verdict.refusal().get());
    }
    for (String warning : verdict.warnings()) {
      outcome.warnings.add(resource.path() + ": " + checker.name() + " warns: " + warning);
    }
  }

  /**
   * A file is backed up before it changes when it exists and its managed part is not what netroot
   * last wrote: a hand edit, or a file netroot never wrote.
   */
  private boolean needsBackup(
      Resource resource, Optional<Content> actual, Optional<AppliedRecord> last) {
    boolean differsFromLastWrite =
        last.isEmpty() || !actual.map(Content::sha256).equals(Optional.of(last.get().sha256()));
    return resource.backedUp()
        && differsFromLastWrite
        && (resource instanceof FileInImage inImage
            ? inImage.hasRegularFile(root)
            : backups.canSave(resource.path()));
  }

  /**
   * The backup keeps what the decision was made on: the file as the resource observed it in this
   * pass, when it keeps that observation. A file inside a root image is backed up from what the
   * resource read there without following a link, so a client's link never puts another file into
   * the backups.
   */
  private Backups.Entry backUp(Resource resource, String reason) {
    if (resource instanceof FileInImage inImage) {
      return inImage
          .currentFile(root)
          .map(bytes -> backups.save(resource.path(), bytes, reason))
          .orElse(null);
    }
    Optional<Found> observed = resource.observedFile();
    if (observed.isPresent()) {
      return backups.save(resource.path(), observed.get(), reason);
    }
    return backups.save(resource.path(), reason);
  }
}
