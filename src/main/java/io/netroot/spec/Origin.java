package io.netroot.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a spec document came from: its file, the position of the document and of each field, so
 * that a check made long after loading can still point at the exact line and column.
 *
 * <p>Field keys are dotted paths below the document root, for example {@code metadata.name}, {@code
 * spec.ip}, {@code spec.clients.0.match}.
 *
 * @param file the spec file, used to resolve relative source paths
 * @param document the position of the document's first key
 * @param fields the position of each field's value, by dotted path
 */
public record Origin(Path file, Position document, Map<String, Position> fields) {

  public Origin {
    fields = Map.copyOf(fields);
  }

  /** The position of a field's value, or of the document when the field was not written. */
  public Position at(String field) {
    return fields.getOrDefault(field, document);
  }

  /** An origin for values built in code (tests, generators): it points at a made-up place. */
  public static Origin synthetic(String name) {
    return new Origin(Path.of(name), new Position(name, 1, 1), Map.of());
  }
}
