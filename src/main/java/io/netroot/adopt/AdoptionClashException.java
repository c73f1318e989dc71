package io.netroot.adopt;

import io.netroot.NetrootException;
import java.util.List;

/**
 * Declarations outside netroot's block that clash with the specs but are not the same as what the
 * specs declare, so netroot can neither adopt them nor add its own beside them. Each clash names
 * both places: {@code FILE:LINE} on disk and {@code FILE:LINE:COLUMN} of the spec.
 */
public final class AdoptionClashException extends NetrootException {

  private final List<String> clashes;

  public AdoptionClashException(List<String> clashes) {
    super(message(clashes));
    this.clashes = List.copyOf(clashes);
  }

  /** Each clash, one line each. */
  public List<String> clashes() {
    return clashes;
  }

  private static String message(List<String> clashes) {
    if (clashes.size() == 1) {
      return clashes.get(0);
    }
    return clashes.size()
        + " declarations clash with the specs:\n  "
        + String.join("\n  ", clashes);
  }
}
