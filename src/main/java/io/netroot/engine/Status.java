package io.netroot.engine;

/** How a resource or service action came out of a pass. */
public enum Status {
  /** Nothing to do. */
  UNCHANGED,
  /** A dry run found a change to make. */
  PLANNED,
  /** The change was made. */
  APPLIED,
  /** The resource could not be checked or changed; see the error. */
  FAILED,
  /** Not touched because something it depends on failed. */
  BLOCKED,
  /** Not touched because it failed in an earlier pass and its retry time has not come. */
  DEFERRED,
  /**
   * A removal held back because the specs dropped more than the deletion limit allows at once; the
   * record stays, so a later pass makes it.
   */
  HELD,
  /** A service action not taken because services are not touched under a root prefix. */
  NOT_TOUCHED,
  /** A hand edit left in place and only reported (drift policy {@code report}). */
  REPORTED;

  /**
   * Whether the resource was left untouched because of something else: blocked, deferred or held.
   */
  public boolean untouched() {
    return this == BLOCKED || this == DEFERRED || this == HELD;
  }
}
