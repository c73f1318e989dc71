package io.netroot.daemon;

import io.netroot.BuildInfo;
import io.netroot.engine.ServiceResult;
import io.netroot.engine.Status;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's metrics, shown at {@code /metrics} in Prometheus' text format through the Prometheus
 * Java client: netroot's own (passes, their duration, resources by state, drift, failures, the last
 * success, the build, whether the specs load, the commit served, service actions, git fetches) and
 * the client's JVM and process metrics ({@code jvm_*}, {@code process_*}). Each agent has its own
 * registry.
 */
final class Metrics {

  private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter passes =
      Counter.builder()
          .name("netroot_passes_total")
          .help("Reconcile passes, by result.")
          .labelNames("result")
          .register(registry);
  private final Histogram duration =
      Histogram.builder()
          .name("netroot_pass_duration_seconds")
          .help("How long a pass took.")
          .classicOnly()
          .classicUpperBounds(BUCKETS)
          .register(registry);
  private final Gauge resources =
      Gauge.builder()
          .name("netroot_resources")
          .help("Managed resources after the last pass, by state.")
          .labelNames("state")
          .register(registry);
  private final Counter driftDetected =
      Counter.builder()
          .name("netroot_drift_detected_total")
          .help("Hand edits found.")
          .register(registry);
  private final Counter driftReverted =
      Counter.builder()
          .name("netroot_drift_reverted_total")
          .help("Hand edits put back as the specs say.")
          .register(registry);
  private final Counter failures =
      Counter.builder()
          .name("netroot_resource_failures_total")
          .help("Resources that failed in a pass.")
          .register(registry);
  private final Gauge lastSuccess =
      Gauge.builder()
          .name("netroot_last_success_timestamp_seconds")
          .help("When the last pass without failures ended (Unix time).")
          .register(registry);
  private final Gauge specsValid =
      Gauge.builder()
          .name("netroot_specs_valid")
          .help("1 when the last pass loaded its specs (and a git source has no failing commit).")
          .register(registry);
  private final Info specsCommit =
      Info.builder()
          .name("netroot_specs_commit_info")
          .help("The git commit of the specs in force.")
          .labelNames("commit")
          .register(registry);
  private final Counter serviceActions =
      Counter.builder()
          .name("netroot_service_actions_total")
          .help("Service actions taken (restart, reexport, reload), by service and result.")
          .labelNames("action", "service", "result")
          .register(registry);
  private final Counter gitFetches =
      Counter.builder()
          .name("netroot_git_fetches_total")
          .help("Fetches of the specs' git repository, by result.")
          .labelNames("result")
          .register(registry);

  /**
   * @param version the agent's version, for {@code netroot_build_info}
   * @param commit the git commit the agent was built from, or {@code unknown}
   */
  Metrics(String version, String commit) {
    Info.builder()
        .name("netroot_build_info")
        .help("The netroot build: version and the commit it was built from.")
        .labelNames("version", "commit")
        .register(registry)
        .setLabelValues(version, commit);
    for (Status status : Status.values()) {
      if (shown(status)) {
        resources.labelValues(word(status)).set(0);
      }
    }
    passes.labelValues("success");
    passes.labelValues("failure");
    JvmMetrics.builder().register(registry);
  }

  /** A build of the classes, not of the jar: its version and commit are not known. */
  Metrics() {
    this(BuildInfo.version(), BuildInfo.commit());
  }

  synchronized void pass(boolean ok, Duration took, Map<Status, Long> byStatus, Instant end) {
    passes.labelValues(ok ? "success" : "failure").inc();
    if (ok) {
      lastSuccess.set(end.toEpochMilli() / 1000.0);
    }
    duration.observe(took.toNanos() / 1e9);
    if (byStatus != null) {
      for (Status status : Status.values()) {
        if (shown(status)) {
          resources.labelValues(word(status)).set(byStatus.getOrDefault(status, 0L));
        }
      }
    }
  }

  /** Whether the specs loaded in the last pass, and the commit in force when they come from git. */
  synchronized void specs(boolean valid, String commit) {
    specsValid.set(valid ? 1 : 0);
    if (commit != null) {
      specsCommit.setLabelValues(commit);
    }
  }

  synchronized void services(List<ServiceResult> results) {
    for (ServiceResult s : results) {
      if (s.status() == Status.APPLIED || s.status() == Status.FAILED) {
        serviceActions
            .labelValues(
                s.action().kind().name().toLowerCase(Locale.ROOT),
                s.action().service() == null ? "" : s.action().service(),
                s.status() == Status.APPLIED ? "success" : "failure")
            .inc();
      }
    }
  }

  synchronized void gitFetch(boolean ok) {
    gitFetches.labelValues(ok ? "success" : "failure").inc();
  }

  synchronized void drift(boolean reverted) {
    driftDetected.inc();
    if (reverted) {
      driftReverted.inc();
    }
  }

  synchronized void failures(long n) {
    failures.inc(n);
  }

  /** Every metric in the Prometheus text format (version 0.0.4). */
  String render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean shown(Status status) {
    return status != Status.NOT_TOUCHED && status != Status.PLANNED;
  }

  private static String word(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
