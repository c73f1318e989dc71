package io.netroot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.spec.SpecError;
import io.netroot.spec.SpecInvalidException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems as a JSON document: {@code validate --json}, and any command's error under {@code
 * --json}. Each diagnostic has a {@code severity}, a {@code message} and, for a spec error, the
 * {@code file}, {@code line} and {@code column} it is at (as editors and CI annotations want).
 */
final class JsonDiagnostics {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonDiagnostics() {}

  /** The document for a command that failed with {@code e}. */
  static String of(String command, Exception e) {
    List<Map<String, Object>> diagnostics = new ArrayList<>();
    if (e instanceof SpecInvalidException invalid) {
      invalid.errors().forEach(error -> diagnostics.add(diagnostic(error)));
    } else {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("severity", "error");
      d.put("message", e.getMessage());
      diagnostics.add(d);
    }
    return document(command, false, diagnostics, null);
  }

  /** The document of a valid set of specs, with what it holds. */
  static String valid(Map<String, Integer> counts) {
    return document("validate", true, List.of(), counts);
  }

  private static Map<String, Object> diagnostic(SpecError error) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("severity", "error");
    d.put("file", error.position().file());
    d.put("line", error.position().line());
    d.put("column", error.position().column());
    d.put("message", error.message());
    return d;
  }

  private static String document(
      String command,
      boolean ok,
      List<Map<String, Object>> diagnostics,
      Map<String, Integer> counts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", JsonReport.FORMAT_VERSION);
    doc.put("command", command);
    doc.put("ok", ok);
    if (counts != null) {
      doc.put("counts", counts);
    }
    doc.put("diagnostics", diagnostics);
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
