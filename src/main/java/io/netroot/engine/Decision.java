package io.netroot.engine;

import io.netroot.catalog.AttributeChange;
import java.util.Objects;

/**
 * The three-way comparison at the heart of netroot: desired (from the specs), last applied (from
 * the state file) and actual (on disk), each as a content hash, {@code null} when absent; and the
 * file's mode and owner, compared with what they must be.
 *
 * @param action what to do
 * @param handEdit the actual content is not what netroot last wrote (changed or removed by hand),
 *     or the mode or owner of a file netroot wrote was changed since
 * @param specChange the desired content is not what netroot last wrote
 * @param reason one line for people
 * @param attributes how the file's mode and owner differ from what they must be, or {@code null}
 * @param contentEdited the content itself is not what netroot last wrote
 * @param contentChanges the content is written or removed; false when only the mode and owner
 *     change
 */
public record Decision(
    Action action,
    boolean handEdit,
    boolean specChange,
    String reason,
    AttributeChange attributes,
    boolean contentEdited,
    boolean contentChanges) {

  private Decision(Action action, boolean handEdit, boolean specChange, String reason) {
    this(action, handEdit, specChange, reason, null, handEdit, action != Action.NOOP);
  }

  /** Both a hand edit and a spec change: the hand edit is overwritten (after a backup). */
  public boolean conflict() {
    return contentEdited && specChange;
  }

  /**
   * The content is right and only the mode or owner is not: they are set in place, the file is not
   * rewritten, not backed up, and no service hears of it.
   */
  public boolean attributesOnly() {
    return action == Action.UPDATE && attributes != null && !contentChanges;
  }

  /** Decides for a resource the specs produce. */
  public static Decision decide(String desired, String actual, String last) {
    return decide(desired, actual, last, null);
  }

  /**
   * Decides for a resource the specs produce, whose file has the mode and owner differences {@code
   * attributes} ({@code null} when they are right). A file netroot has a record of got the right
   * ones when it was written, so a difference there is a hand edit.
   */
  public static Decision decide(
      String desired, String actual, String last, AttributeChange attributes) {
    Decision content = decideContent(desired, actual, last);
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
    return new Decision(
        action,
        content.handEdit || byHand,
        content.specChange,
        reason,
        attributes,
        content.contentEdited,
        content.action != Action.NOOP);
  }

  private static Decision decideContent(String desired, String actual, String last) {
    Objects.requireNonNull(desired, "desired");
    boolean handEdit = last != null && !last.equals(actual);
    boolean specChange = last != null && !last.equals(desired);
    if (desired.equals(actual)) {
      return new Decision(Action.NOOP, handEdit, specChange, "up to date");
    }
    if (actual == null) {
      String reason =
          last == null ? "new" : handEdit ? "removed by hand since the last apply" : "missing";
      return new Decision(
          Action.CREATE,
          handEdit,
          specChange,
          specChange && handEdit ? reason + "; spec changed too" : reason);
    }
    if (last == null) {
      return new Decision(Action.UPDATE, false, false, "differs, and was not written by netroot");
    }
    if (handEdit && specChange) {
      return new Decision(
          Action.UPDATE, true, true, "conflict: edited by hand and changed in the specs");
    }
    if (handEdit) {
      return new Decision(Action.UPDATE, true, false, "edited by hand since the last apply");
    }
    return new Decision(Action.UPDATE, false, true, "spec changed");
  }

  /** Decides for something netroot applied earlier that no spec produces any more. */
  public static Decision decideOrphan(String actual, String last) {
    if (actual == null) {
      return new Decision(Action.NOOP, last != null, true, "already gone");
    }
    boolean handEdit = !actual.equals(last);
    return new Decision(
        Action.DELETE,
        handEdit,
        true,
        handEdit ? "no longer in the specs; edited by hand since" : "no longer in the specs");
  }
}
