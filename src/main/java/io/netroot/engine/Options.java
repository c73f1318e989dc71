package io.netroot.engine;

/**
 * How a pass runs.
 *
 * @param dryRun observe and decide only; nothing on disk or in services changes
 * @param prune also remove files no spec produces from directories netroot owns
 */
public record Options(boolean dryRun, boolean prune) {

  public static Options plan() {
    return new Options(true, false);
  }

  public static Options apply(boolean prune) {
    return new Options(false, prune);
  }
}
