package io.netroot.engine;

import io.netroot.catalog.AttributeChange;
import io.netroot.os.Sha256;
import java.util.Objects;

/**
 * The three-way comparison at the heart of netroot: desired (from the specs), last applied (from
 * the state file) and actual (on disk), each as a content hash, {@code null} when absent; and the
 * file's mode and owner, compared with what they must be. The action speaks of the file: a block or
 * keys added to a file that is there is an update of that file, not a create.
 *
 * @param action what to do
 * @param drift how the file departs from what netroot last wrote: content edited or removed by
 *     hand, only its mode or owner changed since, or there though netroot never wrote it
 * @param specChange the desired content is not what netroot last wrote
 * @param reason one line for people
 * @param attributes how the file's mode and owner differ from what they must be, or {@code null}
 * @param contentChanges the content is written or removed; false when only the mode and owner
 *     change
 */
public record Decision(
    Action action,
    Drift drift,
    boolean specChange,
    String reason,
    AttributeChange attributes,
    boolean contentChanges) {

  private Decision(Action action, Drift drift, boolean specChange, String reason) {
    this(action, drift, specChange, reason, null, action != Action.NOOP);
  }

  /**
   * The actual content is not what netroot last wrote (changed or removed by hand), or the mode or
   * owner of a file netroot wrote was changed since.
   */
  public boolean handEdit() {
    return drift.byHand();
  }

  /** The content itself is not what netroot last wrote. */
  public boolean contentEdited() {
    return drift.contentEdited();
  }

  /** Both a hand edit and a spec change: the hand edit is overwritten (after a backup). */
  public boolean conflict() {
    return contentEdited() && specChange;
  }

  /**
   * The content is right and only the mode or owner is not: they are set in place, the file is not
   * rewritten, not backed up, and no service hears of it.
   */
  public boolean attributesOnly() {
    return action == Action.UPDATE && attributes != null && !contentChanges;
  }

  /** Decides for a resource the specs produce. */
  public static Decision decide(Sha256 desired, Sha256 actual, Sha256 last) {
    return decide(desired, actual, last, null);
  }

  /**
   * Decides for a resource the specs produce, whose file has the mode and owner differences {@code
   * attributes} ({@code null} when they are right). A file netroot has a record of got the right
   * ones when it was written, so a difference there is a hand edit.
   */
  public static Decision decide(
      Sha256 desired, Sha256 actual, Sha256 last, AttributeChange attributes) {
    return decide(desired, actual, last, attributes, null);
  }

  /**
   * Decides as {@link #decide(Sha256, Sha256, Sha256, AttributeChange)}, for a resource kept as a
   * part of a file people edit too (a block, some keys).
   *
   * @param missingPart the name of that part for people ({@code "block"}, {@code "keys"}) when the
   *     file is there but holds none of it, else {@code null}. Writing then changes a file that
   *     exists, so the action is an update, never a create; when netroot never wrote the part, the
   *     reason says it is added to the existing file.
   */
  public static Decision decide(
      Sha256 desired, Sha256 actual, Sha256 last, AttributeChange attributes, String missingPart) {
    Decision content = decideContent(desired, actual, last, missingPart);
    // A block can be absent from a file that is there: the file's mode and owner still count.
    if (attributes == null) {
      return content;
    }
    boolean byHand = last != null;
    Action action = content.action == Action.NOOP ? Action.UPDATE : content.action;
    String reason =
        content.action == Action.NOOP
            ? (byHand ? "changed by hand since the last apply: " : "") + attributes.describe()
            : content.reason + "; " + attributes.describe();
    Drift drift = content.drift == Drift.NONE && byHand ? Drift.ATTRIBUTES : content.drift;
    return new Decision(
        action, drift, content.specChange, reason, attributes, content.action != Action.NOOP);
  }

  private static Decision decideContent(
      Sha256 desired, Sha256 actual, Sha256 last, String missingPart) {
    Objects.requireNonNull(desired, "desired");
    boolean handEdit = last != null && !last.equals(actual);
    boolean specChange = last != null && !last.equals(desired);
    Drift drift = !handEdit ? Drift.NONE : actual == null ? Drift.REMOVED : Drift.EDITED;
    if (desired.equals(actual)) {
      return new Decision(Action.NOOP, drift, specChange, "up to date");
    }
    if (missingPart != null && last == null) {
      // Nothing of netroot's is there yet (no block; none of the keys, observed as empty): not a
      // file netroot never wrote, but one it adds to.
      return new Decision(
          Action.UPDATE,
          Drift.NONE,
          false,
          "adds netroot's " + missingPart + " to the existing file");
    }
    if (actual == null) {
      String reason =
          last == null ? "new" : handEdit ? "removed by hand since the last apply" : "missing";
      return new Decision(
          missingPart != null ? Action.UPDATE : Action.CREATE,
          drift,
          specChange,
          specChange && handEdit ? reason + "; spec changed too" : reason);
    }
    if (last == null) {
      return new Decision(
          Action.UPDATE, Drift.UNEXPECTED, false, "differs, and was not written by netroot");
    }
    if (handEdit && specChange) {
      return new Decision(
          Action.UPDATE, drift, true, "conflict: edited by hand and changed in the specs");
    }
    if (handEdit) {
      return new Decision(Action.UPDATE, drift, false, "edited by hand since the last apply");
    }
    return new Decision(Action.UPDATE, Drift.NONE, true, "spec changed");
  }

  /**
   * This decision for a resource that also takes over declarations from around its part of a shared
   * file ({@code adoption} says which, for people): an adopt, which writes the file even when the
   * part itself is up to date.
   */
  public Decision adopting(String adoption) {
    String why = action == Action.NOOP ? adoption : adoption + "; " + reason;
    return new Decision(Action.ADOPT, drift, specChange, why, attributes, true);
  }

  /** Decides for something netroot applied earlier that no spec produces any more. */
  public static Decision decideOrphan(Sha256 actual, Sha256 last) {
    if (actual == null) {
      // removed by hand, or by an earlier pass that stopped before it forgot the record: either
      // way nothing is left to back up or to show
      return new Decision(Action.NOOP, Drift.NONE, true, "already gone");
    }
    boolean handEdit = !actual.equals(last);
    return new Decision(
        Action.DELETE,
        handEdit ? Drift.EDITED : Drift.NONE,
        true,
        handEdit ? "no longer in the specs; edited by hand since" : "no longer in the specs");
  }
}
