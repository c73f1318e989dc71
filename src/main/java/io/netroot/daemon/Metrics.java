package io.netroot.daemon;

import io.netroot.engine.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The agent's counters, shown at {@code /metrics} in Prometheus' text format. */
final class Metrics {

  private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

  private long passesOk;
  private long passesFailed;
  private final long[] bucketCounts = new long[BUCKETS.length];
  private double durationSum;
  private long durationCount;
  private final Map<Status, Long> resources = new EnumMap<>(Status.class);
  private long driftDetected;
  private long driftReverted;
  private long failures;
  private Instant lastSuccess;

  synchronized void pass(boolean ok, Duration duration, Map<Status, Long> byStatus, Instant end) {
    if (ok) {
      passesOk++;
      lastSuccess = end;
    } else {
      passesFailed++;
    }
    double seconds = duration.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        bucketCounts[i]++;
      }
    }
    durationSum += seconds;
    durationCount++;
    if (byStatus != null) {
      resources.clear();
      resources.putAll(byStatus);
    }
  }

  synchronized void drift(boolean reverted) {
    driftDetected++;
    if (reverted) {
      driftReverted++;
    }
  }

  synchronized void failures(long n) {
    failures += n;
  }

  synchronized String render() {
    StringBuilder out = new StringBuilder();
    head(out, "netroot_passes_total", "counter", "Reconcile passes, by result.");
    out.append("netroot_passes_total{result=\"success\"} ").append(passesOk).append('\n');
    out.append("netroot_passes_total{result=\"failure\"} ").append(passesFailed).append('\n');
    head(out, "netroot_pass_duration_seconds", "histogram", "How long a pass took.");
    for (int i = 0; i < BUCKETS.length; i++) {
      out.append("netroot_pass_duration_seconds_bucket{le=\"")
          .append(BUCKETS[i])
          .append("\"} ")
          .append(bucketCounts[i])
          .append('\n');
    }
    out.append("netroot_pass_duration_seconds_bucket{le=\"+Inf\"} ")
        .append(durationCount)
        .append('\n');
    out.append("netroot_pass_duration_seconds_sum ").append(durationSum).append('\n');
    out.append("netroot_pass_duration_seconds_count ").append(durationCount).append('\n');
    head(out, "netroot_resources", "gauge", "Managed resources after the last pass, by state.");
    for (Status status : Status.values()) {
      if (status != Status.NOT_TOUCHED && status != Status.PLANNED) {
        out.append("netroot_resources{state=\"")
            .append(status.name().toLowerCase(Locale.ROOT))
            .append("\"} ")
            .append(resources.getOrDefault(status, 0L))
            .append('\n');
      }
    }
    head(out, "netroot_drift_detected_total", "counter", "Hand edits found.");
    out.append("netroot_drift_detected_total ").append(driftDetected).append('\n');
    head(out, "netroot_drift_reverted_total", "counter", "Hand edits put back as the specs say.");
    out.append("netroot_drift_reverted_total ").append(driftReverted).append('\n');
    head(out, "netroot_resource_failures_total", "counter", "Resources that failed in a pass.");
    out.append("netroot_resource_failures_total ").append(failures).append('\n');
    head(
        out,
        "netroot_last_success_timestamp_seconds",
        "gauge",
        "When the last pass without failures ended (Unix time).");
    out.append("netroot_last_success_timestamp_seconds ")
        .append(lastSuccess == null ? 0 : lastSuccess.toEpochMilli() / 1000.0)
        .append('\n');
    return out.toString();
  }

  private static void head(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
