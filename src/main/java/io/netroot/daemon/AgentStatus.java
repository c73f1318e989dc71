package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.NetrootException;
import io.netroot.engine.Report;
import io.netroot.engine.Status;
import io.netroot.os.RootFs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent tells people about its passes: the status file (marked when a pass starts, so that
 * one that never finishes shows), the {@code /status} document, readiness, systemd's {@code
 * STATUS=} line and the metrics. Written by the pass thread, read by HTTP threads.
 */
final class AgentStatus {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final RootFs root;
  private final Settings settings;
  private final Metrics metrics = new Metrics();
  private final JsonNode interrupted;
  private StatusDocument.Reconciled lastReconciled;
  private Map<String, Object> lastDoc;

  /** {@code lastDoc} as the status file holds it, once a pass of this run published it. */
  private byte[] lastEncoded;

  private volatile String statusJson = "{\"state\": \"starting\"}\n";
  private volatile String notReady = "first pass not done";
  private volatile String summary = "starting";
  private volatile long passes;

  /**
   * @param previous the status file the agent found at start, to tell a pass it never finished
   */
  AgentStatus(Settings settings, Optional<JsonNode> previous) {
    this.settings = settings;
    this.root = settings.root();
    JsonNode marker = previous.map(p -> p.get("pass_in_progress")).orElse(null);
    this.interrupted = marker == null || marker.isNull() ? null : marker;
    if (interrupted != null) {
      log.warn(
          "pass {} of the agent before (pid {}), started {}, did not finish: it was killed or"
              + " crashed; everything is checked again",
          interrupted.path("number").asText(),
          interrupted.path("pid").asText(),
          interrupted.path("started").asText());
    }
    this.lastDoc = new LinkedHashMap<>();
    // The last pass's summary stays on show until this run's first pass ends; its list of resources
    // (a hundred thousand entries at fleet scale) is not carried over: the first pass makes a new
    // one.
    previous.ifPresent(
        p ->
            p.fields()
                .forEachRemaining(
                    field -> {
                      if (!field.getKey().equals("resources")) {
                        lastDoc.put(
                            field.getKey(),
                            StatusFile.JSON.convertValue(field.getValue(), Object.class));
                      }
                    }));
    lastDoc.remove("pass_in_progress");
    lastDoc.remove("interrupted_pass"); // what an older run recovered from is history
    if (interrupted != null) {
      lastDoc.put("interrupted_pass", interrupted);
    }
  }

  /** Marks the status as in a pass, so that a pass cut short by a kill or a crash shows. */
  void started(long number, String reason, Instant started) {
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("number", number);
    marker.put("reason", reason);
    marker.put("started", started.toString());
    marker.put("pid", ProcessHandle.current().pid());
    Object pid = ProcessHandle.current().pid();
    Optional<byte[]> marked =
        lastEncoded != null && pid.equals(lastDoc.get("pid"))
            ? StatusFile.withEntry(lastEncoded, "pass_in_progress", marker)
            : Optional.empty();
    if (marked.isPresent()) {
      publish(marked.get());
      return;
    }
    Map<String, Object> doc = new LinkedHashMap<>(lastDoc);
    doc.put("pid", pid);
    doc.put("pass_in_progress", marker);
    publish(StatusFile.encode(doc));
  }

  /**
   * Publishes what a pass did: the status file and document, readiness, the metrics and the log
   * line.
   *
   * @param report what the pass reconciled, null when it failed before reconciling
   * @param error why the pass failed as a whole, else null
   * @return the line for systemd's {@code STATUS=}
   */
  String finished(
      long number,
      String reason,
      Instant started,
      Instant ended,
      Report report,
      String error,
      Backoff backoff,
      GitSpecs git) {
    Duration took = Duration.between(started, ended);
    if (report != null) {
      // a pass over some files updates what is known of the whole boot server, not replaces it
      Report known =
          report.options().scope().all() || lastReconciled == null
              ? report
              : lastReconciled.report().updatedBy(report);
      lastReconciled = new StatusDocument.Reconciled(number, started, known, count(known));
    }
    notReady = readiness(error, git);
    List<Map<String, Object>> owed = null;
    String owedError = null;
    try {
      owed = OwedServices.read(root);
    } catch (NetrootException e) {
      owedError = e.getMessage();
    }
    StatusDocument doc =
        new StatusDocument(
            number,
            reason,
            started,
            took,
            report,
            error,
            lastReconciled,
            notReady,
            owed,
            owedError,
            interrupted,
            backoff,
            git,
            settings);
    metrics.pass(doc.ok(), took, report == null ? null : lastReconciled.byStatus(), ended);
    metrics.specs(
        report != null && (git == null || git.failure().isEmpty()),
        git == null ? null : git.applied().orElse(null));
    if (report != null) {
      metrics.services(report.services());
    }
    if (git != null) {
      metrics.gitFetch(git.fetchError().isEmpty());
    }
    lastDoc = doc.toMap();
    lastEncoded = StatusFile.encode(lastDoc);
    publish(lastEncoded);
    passes = number; // counted once its status is out
    String line = "pass " + number + " (" + reason + "): " + doc.summary() + "; " + took.toMillis();
    if (error != null) {
      log.error("{} ms; {}", line, error);
    } else {
      log.info("{} ms", line);
    }
    summary = "last pass " + started + ": " + doc.summary();
    return summary;
  }

  private void publish(byte[] encoded) {
    statusJson = new String(encoded, StandardCharsets.UTF_8);
    try {
      StatusFile.write(root, encoded);
    } catch (NetrootException e) {
      log.warn("cannot write the status: {}", e.getMessage());
    }
  }

  /**
   * Ready while the specs in force load: the last pass converged, or is converging (a failed
   * resource is retried). Specs that do not load, or a commit that is not applied, are not ready.
   */
  private static String readiness(String error, GitSpecs git) {
    if (error != null) {
      return error;
    }
    if (git != null && git.failure().isPresent()) {
      GitSpecs.Failure f = git.failure().get();
      return "commit " + GitSpecs.shortId(f.commit()) + " not applied: " + f.error();
    }
    return null;
  }

  private static Map<Status, Long> count(Report report) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    report.resources().stream()
        .filter(r -> !StatusDocument.isHeldDeletion(r))
        .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    return counts;
  }

  /** How many passes have finished, their status published. */
  long passes() {
    return passes;
  }

  Metrics metrics() {
    return metrics;
  }

  String statusJson() {
    return statusJson;
  }

  Optional<String> notReady() {
    return Optional.ofNullable(notReady);
  }

  String summary() {
    return summary;
  }
}
