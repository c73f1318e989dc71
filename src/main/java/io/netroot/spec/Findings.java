package io.netroot.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors of the cross-document checks, each pointing at a field of a document. */
final class Findings {

  private final List<SpecError> errors = new ArrayList<>();

  /** Reports at {@code field} of {@code document} (or at the document if it was not written). */
  void at(SpecDocument document, String field, String detail) {
    at(document.origin().at(field), document, detail);
  }

  void at(Position position, SpecDocument document, String detail) {
    errors.add(new SpecError(position, Text.oneLine(subject(document) + ": " + detail)));
  }

  void add(SpecError error) {
    errors.add(error);
  }

  List<SpecError> errors() {
    return errors;
  }

  static String subject(SpecDocument document) {
    return document.kind() + " \"" + document.name() + "\"";
  }

  /** {@code Host "node1" (at specs/hosts.yaml:3:17)}, for "already used by" messages. */
  static String where(SpecDocument document, String field) {
    return subject(document) + " (at " + document.origin().at(field) + ")";
  }
}
