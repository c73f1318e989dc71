package io.netroot.adopt;

/** Kleene's three truth values, for conditions that may not be decidable. */
enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }

  Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
  }

  Truth not() {
    return this == UNKNOWN ? UNKNOWN : this == TRUE ? FALSE : TRUE;
  }

  static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }
}
