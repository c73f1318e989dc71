package io.netroot.engine;

import io.netroot.catalog.ResourceId;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How a pass runs.
 *
 * @param dryRun observe and decide only; nothing on disk or in services changes
 * @param prune also remove files no spec produces from directories netroot owns
 * @param onDrift what to do with a pure hand edit (edited by hand, spec unchanged)
 * @param deferred resources not to touch in this pass, each with the time it is retried (backoff)
 * @param cancelled asked between resources; when true the pass stops before the next resource
 */
public record Options(
    boolean dryRun,
    boolean prune,
    DriftPolicy onDrift,
    Map<ResourceId, Instant> deferred,
    BooleanSupplier cancelled) {

  /** What a pass does with a managed thing that was edited by hand while its spec stayed. */
  public enum DriftPolicy {
    /** Put it back as the specs say, keeping a backup of the hand-edited version. */
    REVERT,
    /** Leave it, and report it. */
    REPORT
  }

  public Options {
    deferred = Map.copyOf(deferred);
  }

  public Options(boolean dryRun, boolean prune) {
    this(dryRun, prune, DriftPolicy.REVERT, Map.of(), () -> false);
  }

  public static Options plan() {
    return new Options(true, false);
  }

  public static Options apply(boolean prune) {
    return new Options(false, prune);
  }

  public Options withDriftPolicy(DriftPolicy policy) {
    return new Options(dryRun, prune, policy, deferred, cancelled);
  }

  public Options withDeferred(Map<ResourceId, Instant> retryAt) {
    return new Options(dryRun, prune, onDrift, retryAt, cancelled);
  }

  public Options withCancellation(BooleanSupplier check) {
    return new Options(dryRun, prune, onDrift, deferred, check);
  }
}
