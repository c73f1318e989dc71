package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.ServiceResult;
import io.netroot.engine.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status of the last pass, as written to the status file and served at {@code /status}. When
 * the pass did not get as far as reconciling (the specs do not load), the counts and resources are
 * those of the last pass that did, and {@code counts_from_pass} says which.
 *
 * @param shown the pass whose counts and resources are shown: this one, or the last that
 *     reconciled; {@code null} when none did
 * @param notReady why the agent is not ready, {@code null} when it is
 * @param owed the service actions still owed ({@link OwedServices}), or {@code null} when the
 *     journal cannot be read ({@code owedError} says why)
 * @param interrupted the pass an earlier run of the agent started and never finished, if any
 */
record StatusDocument(
    long pass,
    String reason,
    Instant started,
    Duration duration,
    Report report,
    String error,
    Reconciled shown,
    String notReady,
    List<Map<String, Object>> owed,
    String owedError,
    JsonNode interrupted,
    Backoff backoff,
    GitSpecs git,
    Settings settings) {

  static final String FORMAT_VERSION = "1.1";

  /** A pass that reconciled, with its counts by state (removals held back not counted). */
  record Reconciled(long pass, Instant started, Report report, Map<Status, Long> byStatus) {}

  /** The removals held back by this pass ({@link DeletionHold}). */
  List<ResourceResult> heldDeletions() {
    return report == null
        ? List.of()
        : report.resources().stream().filter(StatusDocument::isHeldDeletion).toList();
  }

  /** No error, and nothing failed but removals that only wait for the specs to settle. */
  boolean ok() {
    return error == null
        && report != null
        && report.failures().stream().allMatch(StatusDocument::isHeldDeletion)
        && report.services().stream().noneMatch(s -> s.status() == Status.FAILED);
  }

  /** One line: counts by state. */
  String summary() {
    if (report == null) {
      return "failed before reconciling"
          + (shown == null ? "" : "; as of pass " + shown.pass() + ": " + counts(shown));
    }
    String held = heldDeletions().isEmpty() ? "" : "; " + heldDeletions().size() + " removals wait";
    return counts(shown) + held;
  }

  private static String counts(Reconciled r) {
    List<String> parts = new ArrayList<>();
    r.byStatus().forEach((status, n) -> parts.add(n + " " + word(status)));
    return String.join(", ", parts);
  }

  Map<String, Object> toMap() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", FORMAT_VERSION);
    doc.put("pid", ProcessHandle.current().pid());
    doc.put("root", settings.root().dir().toString());
    doc.put("specs", git != null ? git.url : settings.specs().toString());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("number", pass);
    p.put("reason", reason);
    p.put("started", started.toString());
    p.put("duration_ms", duration.toMillis());
    p.put("result", ok() ? "ok" : "failed");
    doc.put("pass", p);
    doc.put("ready", notReady == null);
    doc.put("not_ready_reason", notReady);
    doc.put("commit", git == null ? null : git.applied().orElse(null));
    Map<String, Object> counts = new LinkedHashMap<>();
    List<Object> resources = new ArrayList<>();
    if (shown != null) {
      shown.byStatus().forEach((s, n) -> counts.put(word(s), n));
      shown.report().resources().forEach(r -> resources.add(resource(r)));
    }
    List<ResourceResult> held = heldDeletions();
    if (!held.isEmpty()) {
      counts.put("removal-waits", (long) held.size());
    }
    doc.put("counts", counts);
    doc.put("counts_from_pass", shown == null ? null : shown.pass());
    doc.put("resources", resources);
    if (!held.isEmpty()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("count", held.size());
      d.put("reason", held.get(0).reason());
      doc.put("deletions_waiting", d);
    }
    List<Object> services = new ArrayList<>();
    if (report != null) {
      for (ServiceResult s : report.services()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", s.action().describe());
        m.put("status", word(s.status()));
        m.put("error", s.error());
        services.add(m);
      }
    }
    doc.put("services", services);
    doc.put("services_owed", owed);
    if (owedError != null) {
      doc.put("services_owed_error", owedError);
    }
    if (interrupted != null) {
      doc.put("interrupted_pass", interrupted);
    }
    doc.put("last_error", lastError());
    if (git != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("url", git.url);
      g.put("branch", git.branch);
      g.put("applied", git.applied().orElse(null));
      g.put("failed_commit", git.failure().map(GitSpecs.Failure::commit).orElse(null));
      g.put("failed_error", git.failure().map(GitSpecs.Failure::error).orElse(null));
      g.put("fetch_error", git.fetchError().orElse(null));
      doc.put("git", g);
    }
    return doc;
  }

  static boolean isHeldDeletion(ResourceResult r) {
    return r.status() == Status.HELD;
  }

  private Map<String, Object> resource(ResourceResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().value());
    m.put("path", r.path());
    m.put("condition", condition(r));
    m.put("reason", r.reason());
    if (r.error() != null) {
      m.put("error", r.error());
    }
    backoff
        .get(r.id())
        .ifPresent(
            f -> {
              m.put("failures", f.count());
              m.put("next_retry", f.retryAt().toString());
              m.putIfAbsent("error", f.error());
            });
    return m;
  }

  private static String condition(ResourceResult r) {
    if (isHeldDeletion(r)) {
      return "removal-waits";
    }
    return switch (r.status()) {
      case UNCHANGED -> "ok";
      case APPLIED -> "changed";
      case FAILED -> "failed";
      case REPORTED -> "drift-reported";
      default -> word(r.status());
    };
  }

  private String lastError() {
    if (error != null) {
      return error;
    }
    if (report != null) {
      for (ResourceResult r : report.resources()) {
        if (r.status() == Status.FAILED) {
          return r.path() + ": " + r.error();
        }
      }
      for (ServiceResult s : report.services()) {
        if (s.status() == Status.FAILED) {
          return s.action().describe() + ": " + s.error();
        }
      }
    }
    if (git != null && git.failure().isPresent()) {
      return "commit "
          + GitSpecs.shortId(git.failure().get().commit())
          + " not applied: "
          + git.failure().get().error();
    }
    return null;
  }

  private static String word(Status s) {
    return switch (s) {
      case UNCHANGED -> "unchanged";
      case APPLIED -> "changed";
      case REPORTED -> "drift-reported";
      default -> s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }
}
