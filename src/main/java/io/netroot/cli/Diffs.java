package io.netroot.cli;

import io.netroot.diff.UnifiedDiff;
import io.netroot.engine.ResourceResult;
import io.netroot.os.Sha256;

/** The diffs shown for a resource: what a pass changes, or what a hand edit changed. */
final class Diffs {

  private Diffs() {}

  /**
   * From what is on disk to what the pass writes: the managed part, or the whole file when the pass
   * adds its part to a file that is there without it.
   */
  static String planned(ResourceResult r) {
    String actualLabel = r.handEdit() ? "on disk, edited by hand" : "on disk";
    if (r.wholeFile() != null) {
      return UnifiedDiff.between(
          r.path(), actualLabel, r.wholeFile().onDisk(), "planned", r.wholeFile().planned());
    }
    if (!r.isText()) {
      return "Binary "
          + r.path()
          + ": sha256 "
          + shortSha(r.observed().sha())
          + " -> "
          + shortSha(r.desired().sha())
          + sizeNote(r.desired())
          + "\n";
    }
    return UnifiedDiff.between(
        r.path(), actualLabel, r.observed().text(), "planned", r.desired().text());
  }

  /** From what netroot last wrote to what is on disk now. */
  static String handEdit(ResourceResult r) {
    if (r.lastApplied() == null && r.observed().text() == null) {
      return r.observed().sha() == null
          ? ""
          : "Binary " + r.path() + " changed: sha256 now " + shortSha(r.observed().sha()) + "\n";
    }
    return UnifiedDiff.handEdit(r.path(), r.lastApplied(), r.observed().text());
  }

  /** The size of what the pass writes, as " (N bytes)", or nothing when it writes nothing. */
  private static String sizeNote(ResourceResult.Desired desired) {
    return desired.size().isPresent() ? " (" + desired.size().getAsLong() + " bytes)" : "";
  }

  private static String shortSha(Sha256 sha) {
    return sha == null ? "(none)" : sha.shortForm();
  }
}
