package io.netroot.engine;

/** What a pass does (or would do) to one resource. */
public enum Action {
  CREATE,
  UPDATE,
  /**
   * An update that also takes over declarations the specs own from around netroot's part of a
   * shared file (see {@link io.netroot.adopt.Adoption}).
   */
  ADOPT,
  DELETE,
  NOOP;

  /** The lowercase word used in output: {@code create}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
