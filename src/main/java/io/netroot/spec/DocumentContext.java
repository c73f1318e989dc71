package io.netroot.spec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The state of binding one YAML document: where it is, what it is called, the positions of its
 * fields, and the errors found in it. Every message goes through here so that each one names the
 * kind and the document.
 */
final class DocumentContext {

  private final Path file;
  private final String label;
  private final int lineOffset;
  private final List<SpecError> sink;
  private final Map<String, Position> fields = new HashMap<>();
  private Position document;
  private String kind = "document";
  private String name;
  private int errorCount;

  DocumentContext(Path file, List<SpecError> sink) {
    this(file, 0, sink);
  }

  /**
   * @param lineOffset the lines of the file before the text the document's nodes were composed from
   *     (a file parsed in parts, see {@link YamlSplit}); added to every node's line
   */
  DocumentContext(Path file, int lineOffset, List<SpecError> sink) {
    this.file = file;
    this.label = file.toString();
    this.lineOffset = lineOffset;
    this.sink = sink;
    this.document = new Position(label, 1, 1);
  }

  /** A node's start as a 1-based position (SnakeYAML marks are 0-based). */
  static Position position(String label, Mark mark) {
    return new Position(label, mark.getLine() + 1, mark.getColumn() + 1);
  }

  Position position(Node node) {
    return node.getStartMark()
        .map(mark -> new Position(label, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1))
        .orElse(document);
  }

  /** Remembers where a field's value was written, for {@link Origin#fields()}. */
  void record(String path, Node value) {
    fields.putIfAbsent(path, position(value));
  }

  void error(Node at, String detail) {
    error(position(at), detail);
  }

  void error(Position at, String detail) {
    sink.add(new SpecError(at, Text.oneLine(subject() + ": " + detail)));
    errorCount++;
  }

  /** {@code Host "node7"}, or just the kind while the name is not known. */
  String subject() {
    return name == null ? kind : kind + " \"" + Text.oneLine(name) + "\"";
  }

  boolean failed() {
    return errorCount > 0;
  }

  Origin origin() {
    return new Origin(file, document, fields);
  }

  Path file() {
    return file;
  }

  Position document() {
    return document;
  }

  void document(Position position) {
    this.document = position;
  }

  String kind() {
    return kind;
  }

  void kind(String kind) {
    this.kind = kind;
  }

  String name() {
    return name;
  }

  void name(String name) {
    this.name = name;
  }
}
