package io.netroot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.catalog.Area;
import io.netroot.catalog.AttributeChange;
import io.netroot.engine.Action;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.ServiceResult;
import io.netroot.engine.Unexpected;
import io.netroot.os.RootFs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents of plan, apply and drift. {@code format_version} changes its major number when
 * a field is removed or changes meaning; new fields may appear in any version.
 */
final class JsonReport {

  static final String FORMAT_VERSION = "1.0";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static String plan(String command, RootFs root, Report report) {
    Map<String, Object> doc = head(command, root, report);
    List<Object> changes = new ArrayList<>();
    for (ResourceResult r : report.changes()) {
      Map<String, Object> c = resource(r, report);
      c.put("diff", r.attributesOnly() ? "" : Diffs.planned(r));
      changes.add(c);
    }
    doc.put("changes", changes);
    doc.put("drift", drift(report));
    doc.put("failures", failures(report));
    passNotes(doc, report);
    List<Object> services = new ArrayList<>();
    for (ServiceResult s : report.services()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", s.action().kind().name().toLowerCase(Locale.ROOT));
      m.put("service", s.action().service());
      m.put("status", s.status().name().toLowerCase(Locale.ROOT));
      m.put("causes", s.causes());
      m.put("error", s.error());
      services.add(m);
    }
    doc.put("services", services);
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.ADOPT, Action.DELETE)) {
      summary.put(a.word(), report.count(a));
    }
    summary.put("unchanged", report.unchanged());
    summary.put("failed", report.failures().size() + report.errors().size());
    doc.put("summary", summary);
    return write(doc);
  }

  static String drift(RootFs root, Report report) {
    Map<String, Object> doc = head("drift", root, report);
    doc.put("drift", drift(report));
    doc.put("failures", failures(report));
    passNotes(doc, report);
    return write(doc);
  }

  /** Temporary files an interrupted run left, and warnings and errors of the pass as a whole. */
  private static void passNotes(Map<String, Object> doc, Report report) {
    doc.put("leftovers", report.leftovers());
    doc.put("warnings", report.warnings());
    doc.put("errors", report.errors());
  }

  private static Map<String, Object> head(String command, RootFs root, Report report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", FORMAT_VERSION);
    doc.put("command", command);
    doc.put("root", root.dir().toString());
    doc.put("dry_run", report.options().dryRun());
    doc.put("preset", report.layout().preset());
    doc.put("started", report.started().toString());
    doc.put("duration_ms", report.duration().toMillis());
    doc.put("scope", report.options().scope().describe());
    return doc;
  }

  private static Map<String, Object> resource(ResourceResult r, Report report) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", r.id().value());
    c.put("kind", Area.of(r.id(), report.layout()).word());
    putProvenance(c, r);
    c.put("action", r.action().word());
    c.put("path", r.path());
    c.put("reason", r.reason());
    c.put("description", r.description());
    c.put("hand_edit", r.handEdit());
    c.put("conflict", r.conflict());
    c.put("status", r.status().name().toLowerCase(Locale.ROOT));
    c.put("before_sha256", r.observed().sha());
    c.put("after_sha256", r.desired().sha());
    putAttributes(c, r.attributes());
    c.put("backup", r.backup() == null ? null : r.backup().id());
    return c;
  }

  /**
   * {@code host}: the host the resource belongs to, or null; {@code origin}: the spec {@code
   * FILE:LINE} that produced it, or null for a record no spec produces any more.
   */
  private static void putProvenance(Map<String, Object> entry, ResourceResult r) {
    entry.put("host", r.provenance().host());
    entry.put("origin", r.provenance().origin());
  }

  private static List<Object> drift(Report report) {
    List<Object> drift = new ArrayList<>();
    for (ResourceResult r : report.handEdits()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", r.id().value());
      d.put("kind", r.drift().name().toLowerCase(Locale.ROOT));
      putProvenance(d, r);
      d.put("path", r.path());
      putAttributes(d, r.attributes());
      d.put("diff", r.contentEdited() ? Diffs.handEdit(r) : "");
      drift.add(d);
    }
    for (Unexpected u : report.unexpected()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", "file:" + u.path());
      d.put("kind", "unexpected");
      d.put("path", u.path());
      d.put("pruned", u.pruned());
      drift.add(d);
    }
    return drift;
  }

  /**
   * {@code mode} and {@code owner}, each {@code {"before": "0600", "after": "0644"}} (on disk, and
   * as the pass leaves it) when it differs, else null.
   */
  private static void putAttributes(Map<String, Object> entry, AttributeChange change) {
    entry.put(
        "mode",
        change == null || !change.modeChanges()
            ? null
            : beforeAfter(change.found().modeText(), change.wanted().modeText()));
    entry.put(
        "owner",
        change == null || !change.ownerChanges()
            ? null
            : beforeAfter(change.found().ownerText(), change.wanted().ownerText()));
  }

  private static Map<String, Object> beforeAfter(String before, String after) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("before", before);
    m.put("after", after);
    return m;
  }

  private static List<Object> failures(Report report) {
    List<Object> failures = new ArrayList<>();
    for (ResourceResult r : report.failures()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", r.id().value());
      putProvenance(f, r);
      f.put("path", r.path());
      f.put("status", r.status().name().toLowerCase(Locale.ROOT));
      f.put("error", r.error());
      failures.add(f);
    }
    return failures;
  }

  private static String write(Object doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always encode", e);
    }
  }
}
