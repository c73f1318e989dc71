package io.netroot.daemon;

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

/** The status of the last pass, as written to the status file and served at {@code /status}. */
record StatusDocument(
    long pass,
    String reason,
    Instant started,
    Duration duration,
    Report report,
    Map<Status, Long> byStatus,
    String error,
    Backoff backoff,
    GitSpecs git,
    Settings settings) {

  static final String FORMAT_VERSION = "1.0";

  /** One line: counts by state. */
  String summary() {
    if (report == null) {
      return "failed before reconciling";
    }
    List<String> parts = new ArrayList<>();
    byStatus.forEach((status, n) -> parts.add(n + " " + word(status)));
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
    p.put("result", error == null && report != null && !report.hasFailures() ? "ok" : "failed");
    doc.put("pass", p);
    doc.put("commit", git == null ? null : git.applied().orElse(null));
    Map<String, Object> counts = new LinkedHashMap<>();
    if (byStatus != null) {
      byStatus.forEach((s, n) -> counts.put(word(s), n));
    }
    doc.put("counts", counts);
    List<Object> resources = new ArrayList<>();
    if (report != null) {
      for (ResourceResult r : report.resources()) {
        resources.add(resource(r));
      }
    }
    doc.put("resources", resources);
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
    return switch (r.status()) {
      case UNCHANGED -> "ok";
      case APPLIED -> "changed";
      case FAILED -> "failed";
      case BLOCKED ->
          r.error() != null && r.error().startsWith("deferred") ? "deferred" : "blocked";
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
