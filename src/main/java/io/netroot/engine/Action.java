package io.netroot.engine;

/** What a pass does (or would do) to one resource. */
public enum Action {
  CREATE,
  UPDATE,
  DELETE,
  NOOP;

  /** The lowercase word used in output: {@code create}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
