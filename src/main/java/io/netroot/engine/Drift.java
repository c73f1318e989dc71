package io.netroot.engine;

/** How what is on disk departs from what netroot last wrote there, decided once per pass. */
public enum Drift {
  /** As netroot last wrote it, or never written by netroot and absent. */
  NONE,
  /** The content was changed by hand since netroot wrote it. */
  EDITED,
  /** The file or block netroot wrote was removed by hand. */
  REMOVED,
  /** The content is as written; only the mode or owner was changed by hand. */
  ATTRIBUTES,
  /** Something is there that netroot never wrote (its first apply replaces it, with a backup). */
  UNEXPECTED;

  /** A hand edit: content, removal or mode and owner, since netroot's last write. */
  public boolean byHand() {
    return this == EDITED || this == REMOVED || this == ATTRIBUTES;
  }

  /** The content itself (not only its mode or owner) is not what netroot last wrote. */
  public boolean contentEdited() {
    return this == EDITED || this == REMOVED;
  }
}
