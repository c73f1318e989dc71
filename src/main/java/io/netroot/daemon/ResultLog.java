package io.netroot.daemon;

import io.netroot.diff.UnifiedDiff;
import io.netroot.engine.Report;
import io.netroot.engine.Status;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a pass: logs each change and failure, feeds the retry backoff, and counts drift once per
 * hand edit (a hand edit left in place under {@code onDrift: report} is logged with its diff the
 * first pass that sees it, not on every pass).
 */
final class ResultLog {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Metrics metrics;
  private Set<String> reportedDrift = Set.of();

  ResultLog(Metrics metrics) {
    this.metrics = metrics;
  }

  void account(Report report, Backoff backoff, Instant now) {
    Set<String> drift = new HashSet<>();
    long failed = 0;
    for (var r : report.resources()) {
      switch (r.status()) {
        case FAILED -> {
          failed++;
          Backoff.Failure f = backoff.failed(r.id(), now, r.error());
          log.warn(
              "{} failed ({} in a row; next try at {}): {}",
              r.path(),
              f.count(),
              f.retryAt(),
              r.error());
        }
        case APPLIED, UNCHANGED, REPORTED -> backoff.succeeded(r.id());
        default -> {}
      }
      if (r.status() == Status.APPLIED) {
        log.info(
            "{} {}: {}{}",
            r.action().word(),
            r.path(),
            r.reason(),
            r.backup() == null ? "" : " [backup " + r.backup().id() + "]");
        if (r.handEdit()) {
          metrics.drift(true);
        }
      }
      if (r.status() == Status.REPORTED) {
        String key = r.id().value() + "@" + r.observed().sha();
        drift.add(key);
        if (!reportedDrift.contains(key)) {
          metrics.drift(false);
          log.warn(
              "drift on {}: {}\n{}",
              r.path(),
              r.reason(),
              UnifiedDiff.handEdit(r.path(), r.lastApplied(), r.observed().text()));
        }
      }
    }
    reportedDrift = drift;
    metrics.failures(failed);
  }
}
