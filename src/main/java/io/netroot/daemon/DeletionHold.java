package io.netroot.daemon;

import io.netroot.engine.Options;
import io.netroot.spec.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back a large removal while the specs are still changing. A {@code hosts.yaml} rewritten in
 * pieces, by an editor or a slow {@code git checkout}, loads as a partial fleet for a moment; the
 * files of the hosts missing from it must not all go. A removal of more than {@link #MOST} files
 * and blocks, or of more than {@link #SHARE_PERCENT}% of those the last pass left (and more than
 * {@link #FEW}), waits until the specs directory has been unchanged for the quiet period; the rest
 * of the pass is applied. The agent wakes for a pass when that time comes ({@link #due}).
 */
final class DeletionHold implements Options.DeletionGate {

  private static final Logger log = LoggerFactory.getLogger(DeletionHold.class);

  static final int MOST = 50;
  static final int FEW = 10;
  static final int SHARE_PERCENT = 10;

  private final SpecsQuiet specs;
  private final Duration quiet;
  private final Clock clock;
  private Instant due;

  DeletionHold(SpecsQuiet specs, Duration quiet, Clock clock) {
    this.specs = specs;
    this.quiet = quiet;
    this.clock = clock;
  }

  static boolean large(int deletions, int recorded) {
    return deletions > MOST || (deletions > FEW && deletions * 100L > recorded * SHARE_PERCENT);
  }

  /** A pass begins: what the last one held back, it asks for again if it still would remove it. */
  synchronized void newPass() {
    due = null;
  }

  @Override
  public synchronized Optional<String> hold(int deletions, int recorded) {
    due = null;
    if (!large(deletions, recorded)) {
      return Optional.empty();
    }
    Instant changed = specs.lastChange();
    Instant quietAt = changed.plus(quiet);
    if (!clock.instant().isBefore(quietAt)) {
      log.info("removing {} of {} files no spec produces any more", deletions, recorded);
      return Optional.empty();
    }
    due = quietAt;
    String why =
        deletions
            + " of "
            + recorded
            + " files would be removed, and the specs changed at "
            + changed
            + "; the removals wait until the specs have been unchanged for "
            + Durations.format(quiet)
            + " (at "
            + quietAt
            + ")";
    log.warn("{}", why);
    return Optional.of(why);
  }

  /** When the removals held back by the last pass may be made, if any were. */
  synchronized Optional<Instant> due() {
    return Optional.ofNullable(due);
  }
}
