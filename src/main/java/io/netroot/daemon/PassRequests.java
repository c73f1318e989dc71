package io.netroot.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where triggers (the schedule, a spec change, a hand edit, a git poll) ask for a pass. Requests
 * only set a flag, so any number of them before the next pass make one pass; the loop takes them
 * one pass at a time, so two passes never run at once.
 */
final class PassRequests {

  private final Clock clock;
  private final Set<String> reasons = new LinkedHashSet<>();
  private boolean stopped;

  PassRequests(Clock clock) {
    this.clock = clock;
  }

  synchronized void request(String reason) {
    reasons.add(reason);
    notifyAll();
  }

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  synchronized boolean stopped() {
    return stopped;
  }

  /**
   * Waits for requests, the deadline or a stop.
   *
   * @param deadline when to give up waiting, or {@code null} to wait for a request
   * @return the reasons asked for, empty when the deadline came first, {@code null} once stopped
   */
  synchronized Set<String> await(Instant deadline) throws InterruptedException {
    while (!stopped && reasons.isEmpty()) {
      if (deadline == null) {
        wait();
      } else {
        long ms = Duration.between(clock.instant(), deadline).toMillis();
        if (ms <= 0) {
          return Set.of();
        }
        wait(ms);
      }
    }
    if (stopped) {
      return null;
    }
    Set<String> taken = Set.copyOf(reasons);
    reasons.clear();
    return taken;
  }
}
