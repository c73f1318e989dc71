package io.netroot.engine;

import java.util.Objects;

/**
 * The three-way comparison at the heart of netroot: desired (from the specs), last applied (from
 * the state file) and actual (on disk), each as a content hash, {@code null} when absent.
 *
 * @param action what to do
 * @param handEdit the actual content is not what netroot last wrote (changed or removed by hand)
 * @param specChange the desired content is not what netroot last wrote
 * @param reason one line for people
 */
public record Decision(Action action, boolean handEdit, boolean specChange, String reason) {

  /** Both a hand edit and a spec change: the hand edit is overwritten (after a backup). */
  public boolean conflict() {
    return handEdit && specChange;
  }

  /** Decides for a resource the specs produce. */
  public static Decision decide(String desired, String actual, String last) {
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
