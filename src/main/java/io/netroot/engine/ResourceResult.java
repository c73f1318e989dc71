package io.netroot.engine;

import io.netroot.catalog.AttributeChange;
import io.netroot.catalog.Content;
import io.netroot.catalog.Provenance;
import io.netroot.catalog.Removable;
import io.netroot.catalog.ResourceId;
import io.netroot.os.Sha256;
import io.netroot.state.Backups;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one pass found and did for one resource. What was on disk and what the pass wants there are
 * kept as two sides, {@link Observed} and {@link Desired}; the engine makes results with {@link
 * #builder} or, for a resource that was not checked, {@link #failed}.
 *
 * @param observed what was on disk before the pass
 * @param desired what the pass writes (or would write)
 * @param lastApplied the text netroot last wrote (null when never, or binary), to show a hand edit
 * @param error why it failed or was blocked, else null
 * @param keepsBackup the file is backed up before it changes (in a dry run: would be)
 * @param backup the copy kept before overwriting a hand edit, else null
 * @param attributes how the file's mode and owner differ from what the pass gives it, else null
 * @param drift how what is on disk departs from what netroot last wrote
 * @param wholeFile the whole file before and after, when the pass adds its part (a block, keys) to
 *     a file that is there without it, else null; only for the diff people see, which then shows
 *     the lines around the part. The hashes stay those of the managed part alone.
 * @param provenance which spec produced the resource: its host, its spec file and line
 */
public record ResourceResult(
    ResourceId id,
    String path,
    String description,
    Action action,
    String reason,
    Drift drift,
    boolean conflict,
    Status status,
    Observed observed,
    Desired desired,
    String lastApplied,
    String error,
    boolean keepsBackup,
    Backups.Entry backup,
    AttributeChange attributes,
    FileTexts wholeFile,
    Provenance provenance) {

  public ResourceResult {
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * What a pass found on disk for a resource.
   *
   * @param text the managed text, null when absent or binary, or when the pass keeps only the hash
   *     (nothing to show)
   * @param sha hash of the managed content, null when absent (or never read)
   */
  public record Observed(String text, Sha256 sha) {

    private static final Observed NONE = new Observed(null, null);

    /** Nothing on disk, or nothing read: no text and no hash. */
    public static Observed none() {
      return NONE;
    }

    /** What {@code actual} holds: its hash, and its text when it is text. */
    static Observed of(Optional<Content> actual) {
      return new Observed(
          actual.filter(Content::isText).map(Content::asText).orElse(null),
          actual.map(Content::sha256).orElse(null));
    }

    /** Only the hash of what {@code actual} holds, for a result with no diff to show. */
    static Observed withoutText(Optional<Content> actual) {
      return new Observed(null, actual.map(Content::sha256).orElse(null));
    }
  }

  /**
   * What a pass wants on disk for a resource: what it writes, or would write in a dry run.
   *
   * @param text the desired managed text, null when deleting, binary or unknown, or when the pass
   *     keeps only the hash (nothing to show)
   * @param sha hash of the desired content, null when deleting or unknown
   * @param size bytes of the desired content, empty exactly when {@code sha} is null
   */
  public record Desired(String text, Sha256 sha, OptionalLong size) {

    private static final Desired NONE = new Desired(null, null, OptionalLong.empty());

    public Desired {
      Objects.requireNonNull(size, "size");
      if ((sha == null) != size.isEmpty()) {
        throw new IllegalArgumentException("a desired hash goes with a desired size");
      }
    }

    /**
     * No content: the resource is removed, or what it should hold is not known (it failed, or comes
     * from what this pass makes first).
     */
    public static Desired none() {
      return NONE;
    }

    /** What {@code desired} holds: its hash and size, and its text when it is text. */
    static Desired of(Content desired) {
      return new Desired(
          desired.isText() ? desired.asText() : null,
          desired.sha256(),
          OptionalLong.of(desired.size()));
    }

    /** Only the hash and size of {@code desired}, for a result with no diff to show. */
    static Desired withoutText(Content desired) {
      return new Desired(null, desired.sha256(), OptionalLong.of(desired.size()));
    }
  }

  /**
   * A whole file as text, for a diff: as it is on disk, and as the pass writes it (or would).
   *
   * @param onDisk the file as the pass found it
   * @param planned the file as the pass writes it
   */
  public record FileTexts(String onDisk, String planned) {

    public FileTexts {
      Objects.requireNonNull(onDisk, "onDisk");
      Objects.requireNonNull(planned, "planned");
    }
  }

  /** Changed or removed by hand, or its mode or owner changed, since netroot last wrote it. */
  public boolean handEdit() {
    return drift.byHand();
  }

  /** The content on disk (not only its mode or owner) is not what netroot last wrote. */
  public boolean contentEdited() {
    return drift.contentEdited();
  }

  /** True when the pass changes (or would change) this resource. */
  public boolean changes() {
    return action != Action.NOOP && (status == Status.PLANNED || status == Status.APPLIED);
  }

  /** True when the content stays as it is and only the mode or owner changes. */
  public boolean attributesOnly() {
    return attributes != null && observed.sha() != null && observed.sha().equals(desired.sha());
  }

  /** True when the content is text that can be shown as a diff. */
  public boolean isText() {
    return (observed.text() != null || observed.sha() == null)
        && (desired.text() != null || desired.sha() == null);
  }

  /** A resource that failed or was not touched: nothing read, nothing to write. */
  static ResourceResult failed(Removable subject, Status status, String error) {
    return builder(subject).status(status).reason(error).error(error).build();
  }

  /** A resource that failed or was not touched: nothing read, nothing to write. */
  static ResourceResult failed(
      ResourceId id, String path, String description, Status status, String error) {
    return builder(id, path, description).status(status).reason(error).error(error).build();
  }

  /** Starts the result for {@code subject}: its id, path, description and provenance. */
  static Builder builder(Removable subject) {
    return builder(subject.id(), subject.path(), subject.description())
        .provenance(subject.provenance());
  }

  /** Starts the result for the resource {@code id} at {@code path}. */
  static Builder builder(ResourceId id, String path, String description) {
    return new Builder(id, path, description);
  }

  /**
   * Gathers one result by name. Unless set: no action ({@link Action#NOOP}), no drift, no conflict,
   * nothing observed or desired ({@link Observed#none}, {@link Desired#none}), and no reason, last
   * applied text, error, backup, attribute change or whole file. The status must be set.
   */
  static final class Builder {

    private final ResourceId id;
    private final String path;
    private final String description;
    private Action action = Action.NOOP;
    private String reason;
    private Drift drift = Drift.NONE;
    private boolean conflict;
    private Status status;
    private Observed observed = Observed.none();
    private Desired desired = Desired.none();
    private String lastApplied;
    private String error;
    private boolean keepsBackup;
    private Backups.Entry backup;
    private AttributeChange attributes;
    private FileTexts wholeFile;
    private Provenance provenance = Provenance.NONE;

    private Builder(ResourceId id, String path, String description) {
      this.id = id;
      this.path = path;
      this.description = description;
    }

    Builder action(Action action) {
      this.action = action;
      return this;
    }

    Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    Builder drift(Drift drift) {
      this.drift = drift;
      return this;
    }

    Builder conflict(boolean conflict) {
      this.conflict = conflict;
      return this;
    }

    Builder status(Status status) {
      this.status = status;
      return this;
    }

    Builder observed(Observed observed) {
      this.observed = observed;
      return this;
    }

    Builder desired(Desired desired) {
      this.desired = desired;
      return this;
    }

    Builder lastApplied(String lastApplied) {
      this.lastApplied = lastApplied;
      return this;
    }

    Builder error(String error) {
      this.error = error;
      return this;
    }

    Builder keepsBackup(boolean keepsBackup) {
      this.keepsBackup = keepsBackup;
      return this;
    }

    Builder backup(Backups.Entry backup) {
      this.backup = backup;
      return this;
    }

    Builder attributes(AttributeChange attributes) {
      this.attributes = attributes;
      return this;
    }

    Builder wholeFile(FileTexts wholeFile) {
      this.wholeFile = wholeFile;
      return this;
    }

    Builder provenance(Provenance provenance) {
      this.provenance = provenance;
      return this;
    }

    ResourceResult build() {
      Objects.requireNonNull(status, "status");
      return new ResourceResult(
          id,
          path,
          description,
          action,
          reason,
          drift,
          conflict,
          status,
          observed,
          desired,
          lastApplied,
          error,
          keepsBackup,
          backup,
          attributes,
          wholeFile,
          provenance);
    }
  }
}
