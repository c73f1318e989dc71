package io.netroot;

import java.util.Locale;

/**
 * What a pass does with a hand edit of a managed file. One type for the BootServer spec's {@code
 * agent.onDrift}, {@code agent run --on-drift} and the engine's option.
 */
public enum DriftPolicy {
  /** Put it back as the specs say, keeping a backup of the hand-edited version. */
  REVERT,
  /** Leave it, log the diff and count it. */
  REPORT;

  /** The word the spec and the command line use: {@code revert}, {@code report}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The policy a word names.
   *
   * @throws NetrootException naming the words there are, for any other
   */
  public static DriftPolicy parse(String word) {
    for (DriftPolicy p : values()) {
      if (p.word().equals(word)) {
        return p;
      }
    }
    throw new NetrootException(word + ": use revert or report");
  }
}
