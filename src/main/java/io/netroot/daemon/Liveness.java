package io.netroot.daemon;

import io.netroot.spec.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the pass loop is alive: waiting for a trigger, or in a pass that made progress within the
 * stall limit. Progress is each step the engine reports (a resource, a removal, a service action)
 * and, for one long step, CPU time spent by the loop's thread or the programs it runs (an image
 * fill's {@code tar}). A pass blocked on a pipe, a lock or a hung NFS server makes none, and after
 * the limit it is stuck: {@code /healthz} fails and the systemd watchdog is no longer fed.
 *
 * <p>Steps are recorded by the loop's thread; {@link #stuck} is asked by others (the heartbeat,
 * HTTP).
 */
final class Liveness {

  /** Where the agent is in its life, for systemd's start and stop timeouts. */
  enum Phase {
    /** Before {@code READY=1}: the first pass. */
    STARTING,
    RUNNING,
    /** Asked to stop; the resource being written is finished first. */
    STOPPING
  }

  private final Duration limit;
  private final BooleanSupplier working;
  private final LongSupplier nanos;
  private volatile Phase phase = Phase.STARTING;
  private volatile boolean busy = true;
  private volatile long lastProgress;
  private volatile String step = "starting";

  /**
   * @param limit how long a pass may go without progress
   * @param working whether CPU was spent on the pass since it was last asked
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  Liveness(Duration limit, BooleanSupplier working, LongSupplier nanos) {
    this.limit = limit;
    this.working = working;
    this.nanos = nanos;
    this.lastProgress = nanos.getAsLong();
  }

  Duration limit() {
    return limit;
  }

  /** A pass, or another piece of work of the loop, begins. */
  void busy(String what) {
    progress(what);
    busy = true;
  }

  /** The work moved on to {@code what}. */
  void progress(String what) {
    step = what;
    lastProgress = nanos.getAsLong();
  }

  /** The loop waits for a trigger: nothing to be stuck on. */
  void idle() {
    busy = false;
    progress("waiting for a trigger");
  }

  boolean busy() {
    return busy;
  }

  Phase phase() {
    return phase;
  }

  /** Ready: from now on systemd's start timeout is behind us (unless already stopping). */
  synchronized void running() {
    if (phase == Phase.STARTING) {
      phase = Phase.RUNNING;
    }
  }

  synchronized void stopping() {
    phase = Phase.STOPPING;
  }

  /** Why the loop counts as stuck, or empty while it waits or makes progress. */
  synchronized Optional<String> stuck() {
    if (!busy) {
      return Optional.empty();
    }
    if (working.getAsBoolean()) {
      lastProgress = nanos.getAsLong();
    }
    long quiet = nanos.getAsLong() - lastProgress;
    if (quiet <= limit.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(
        "no progress for "
            + Durations.format(
                quiet >= 1_000_000_000L
                    ? Duration.ofSeconds(quiet / 1_000_000_000L)
                    : Duration.ofMillis(quiet / 1_000_000L))
            + " (limit "
            + Durations.format(limit)
            + "); last step: "
            + step);
  }
}
