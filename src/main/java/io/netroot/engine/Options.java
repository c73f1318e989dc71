package io.netroot.engine;

import io.netroot.DriftPolicy;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How a pass runs.
 *
 * @param dryRun observe and decide only; nothing on disk or in services changes
 * @param prune also remove files no spec produces from directories netroot owns
 * @param onDrift what to do with a pure hand edit (edited by hand, spec unchanged)
 * @param deferred resources not to touch in this pass, each with the time it is retried (backoff)
 * @param cancelled asked between resources; when true the pass stops before the next resource
 * @param progress told of each step as it starts, so that a long pass can be told from a stuck one
 * @param deletions asked once per pass whether the files no spec produces any more may go now
 * @param scope which resources the pass looks at ({@code --host}, {@code --kind}); the others are
 *     left as they are, their records too
 */
public record Options(
    boolean dryRun,
    boolean prune,
    DriftPolicy onDrift,
    Map<ResourceId, Instant> deferred,
    BooleanSupplier cancelled,
    Progress progress,
    DeletionGate deletions,
    Scope scope) {

  /**
   * Told of each step of a pass as it starts: a resource (its id), a removal, a commit of the
   * staged writes, a service action. Called on the thread that runs the pass; it must be quick.
   */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = step -> {};

    void step(String step);
  }

  /**
   * Decides whether the managed files and blocks that no spec produces any more are removed in this
   * pass. The agent holds a large removal back while the specs are still being rewritten.
   */
  @FunctionalInterface
  public interface DeletionGate {
    DeletionGate NEVER_HOLD = (deletions, recorded) -> Optional.empty();

    /**
     * @param deletions how many recorded files and blocks this pass would remove
     * @param recorded how many files and blocks the state file records (what the last pass left)
     * @return why the removals wait for a later pass, or empty to make them now
     */
    Optional<String> hold(int deletions, int recorded);
  }

  public Options {
    deferred = Map.copyOf(deferred);
  }

  public Options(boolean dryRun, boolean prune) {
    this(
        dryRun,
        prune,
        DriftPolicy.REVERT,
        Map.of(),
        () -> false,
        Progress.NONE,
        DeletionGate.NEVER_HOLD,
        Scope.ALL);
  }

  public static Options plan() {
    return new Options(true, false);
  }

  public static Options apply(boolean prune) {
    return new Options(false, prune);
  }

  public Options withDriftPolicy(DriftPolicy policy) {
    return new Options(dryRun, prune, policy, deferred, cancelled, progress, deletions, scope);
  }

  public Options withDeferred(Map<ResourceId, Instant> retryAt) {
    return new Options(dryRun, prune, onDrift, retryAt, cancelled, progress, deletions, scope);
  }

  public Options withCancellation(BooleanSupplier check) {
    return new Options(dryRun, prune, onDrift, deferred, check, progress, deletions, scope);
  }

  public Options withProgress(Progress value) {
    return new Options(dryRun, prune, onDrift, deferred, cancelled, value, deletions, scope);
  }

  public Options withScope(Scope value) {
    return new Options(dryRun, prune, onDrift, deferred, cancelled, progress, deletions, value);
  }

  public Options withDeletionGate(DeletionGate value) {
    return new Options(dryRun, prune, onDrift, deferred, cancelled, progress, value, scope);
  }
}
