package io.netroot.cli;

import io.netroot.diff.UnifiedDiff;
import io.netroot.engine.ResourceResult;
import io.netroot.os.Sha256;

/** The diffs shown for a resource: what a pass changes, or what a hand edit changed. */
final class Diffs {

  private Diffs() {}

  /** From what is on disk to what the pass writes. */
  static String planned(ResourceResult r) {
    if (!r.isText()) {
      return "Binary "
          + r.path()
          + ": sha256 "
          + shortSha(r.beforeSha())
          + " -> "
          + shortSha(r.afterSha())
          + (r.afterSize() >= 0 ? " (" + r.afterSize() + " bytes)" : "")
          + "\n";
    }
    String actualLabel = r.handEdit() ? "on disk, edited by hand" : "on disk";
    return UnifiedDiff.between(r.path(), actualLabel, r.before(), "planned", r.after());
  }

  /** From what netroot last wrote to what is on disk now. */
  static String handEdit(ResourceResult r) {
    if (r.lastApplied() == null && r.before() == null) {
      return r.beforeSha() == null
          ? ""
          : "Binary " + r.path() + " changed: sha256 now " + shortSha(r.beforeSha()) + "\n";
    }
    return UnifiedDiff.handEdit(r.path(), r.lastApplied(), r.before());
  }

  private static String shortSha(Sha256 sha) {
    return sha == null ? "(none)" : sha.shortForm();
  }
}
