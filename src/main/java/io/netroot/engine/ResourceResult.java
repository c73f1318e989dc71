package io.netroot.engine;

import io.netroot.catalog.AttributeChange;
import io.netroot.catalog.ResourceId;
import io.netroot.os.Sha256;
import io.netroot.state.Backups;

/**
 * What one pass found and did for one resource.
 *
 * @param before the actual managed text before the pass (null when absent or binary)
 * @param after the desired managed text (null when deleting or binary)
 * @param lastApplied the text netroot last wrote (null when never, or binary), to show a hand edit
 * @param beforeSha hash of the actual content, null when absent
 * @param afterSha hash of the desired content, null when deleting or unknown
 * @param afterSize bytes of desired content, -1 when unknown
 * @param error why it failed or was blocked, else null
 * @param keepsBackup the file is backed up before it changes (in a dry run: would be)
 * @param backup the copy kept before overwriting a hand edit, else null
 * @param attributes how the file's mode and owner differ from what the pass gives it, else null
 * @param drift how what is on disk departs from what netroot last wrote
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
    String before,
    String after,
    String lastApplied,
    Sha256 beforeSha,
    Sha256 afterSha,
    long afterSize,
    String error,
    boolean keepsBackup,
    Backups.Entry backup,
    AttributeChange attributes) {

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
    return attributes != null && beforeSha != null && beforeSha.equals(afterSha);
  }

  /** True when the content is text that can be shown as a diff. */
  public boolean isText() {
    return (before != null || beforeSha == null) && (after != null || afterSha == null);
  }

  static ResourceResult failed(
      ResourceId id, String path, String description, Status status, String error) {
    return new ResourceResult(
        id,
        path,
        description,
        Action.NOOP,
        error,
        Drift.NONE,
        false,
        status,
        null,
        null,
        null,
        null,
        null,
        -1,
        error,
        false,
        null,
        null);
  }
}
