package io.netroot.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where triggers (the schedule, a spec change, a hand edit, a git poll) ask for a pass. Requests
 * only set a flag, so any number of them before the next pass make one pass; the loop takes them
 * one pass at a time, so two passes never run at once.
 */
final class PassRequests {

  /** The reason of a pass asked for by a hand edit of managed files. */
  static final String HAND_EDIT = "hand edit";

  private final Clock clock;
  private final Set<String> reasons = new LinkedHashSet<>();
  private final Set<Path> edited = new HashSet<>();
  private boolean editsUnknown;
  private boolean stopped;

  PassRequests(Clock clock) {
    this.clock = clock;
  }

  synchronized void request(String reason) {
    reasons.add(reason);
    notifyAll();
  }

  /**
   * A hand edit of managed files: the paths the watch saw change, or {@code null} when it lost
   * events and cannot say which.
   */
  synchronized void handEdits(Set<Path> paths) {
    if (paths == null) {
      editsUnknown = true;
    } else {
      edited.addAll(paths);
    }
    request(HAND_EDIT);
  }

  /**
   * The files edited by hand since the last call, when the pass just taken was asked for by hand
   * edits alone and they are known: a pass over those files is enough. Empty otherwise (a full pass
   * is needed). Forgets them either way.
   */
  synchronized Optional<Set<Path>> takeEdited(Set<String> taken) {
    boolean alone = taken != null && taken.equals(Set.of(HAND_EDIT)) && !editsUnknown;
    Set<Path> paths = Set.copyOf(edited);
    edited.clear();
    editsUnknown = false;
    return alone && !paths.isEmpty() ? Optional.of(paths) : Optional.empty();
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
