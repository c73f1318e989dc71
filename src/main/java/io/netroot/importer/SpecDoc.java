package io.netroot.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One spec document the import writes: its kind, name and {@code spec} fields, each value kept as
 * data (a string, an integer, a boolean, a list of strings, a nested mapping or a list of mappings)
 * for {@link SpecYaml} to write, and where on the server it comes from. A value that was guessed
 * carries the reason, which becomes a {@code # guessed: …} comment.
 */
final class SpecDoc {

  private final String kind;
  private String name;
  private String nameGuess;
  private final String origin;
  private final List<Field> fields = new ArrayList<>();
  private String dropped;

  /**
   * @param origin where on the server it was read ({@code FILE:LINE}), for the report
   */
  SpecDoc(String kind, String name, String nameGuess, String origin) {
    this.kind = kind;
    this.name = name;
    this.nameGuess = nameGuess;
    this.origin = origin;
  }

  /**
   * One field.
   *
   * @param key its name
   * @param value a {@code String}, {@code Integer}, {@code Boolean}, {@code List<String>}, {@code
   *     List<Field>} (a mapping) or {@code List<List<Field>>} (a list of mappings)
   * @param guess why the value was guessed, or {@code null}
   */
  record Field(String key, Object value, String guess) {
    Field {
      Objects.requireNonNull(key);
      Objects.requireNonNull(value);
    }

    Field(String key, Object value) {
      this(key, value, null);
    }
  }

  String kind() {
    return kind;
  }

  String name() {
    return name;
  }

  String nameGuess() {
    return nameGuess;
  }

  void rename(String name, String guess) {
    this.name = name;
    this.nameGuess = guess;
  }

  String origin() {
    return origin;
  }

  List<Field> fields() {
    return fields;
  }

  /** Adds a field, or does nothing for a {@code null} value. */
  SpecDoc put(String key, Object value) {
    return put(key, value, null);
  }

  /** Adds a guessed field, or does nothing for a {@code null} value. */
  SpecDoc put(String key, Object value, String guess) {
    if (value != null) {
      fields.removeIf(f -> f.key().equals(key));
      fields.add(new Field(key, value, guess));
    }
    return this;
  }

  /** The value of a top-level field, or {@code null}. */
  Object get(String key) {
    return fields.stream()
        .filter(f -> f.key().equals(key))
        .map(Field::value)
        .findFirst()
        .orElse(null);
  }

  /**
   * Removes the field at a dotted path ({@code pxe.title}); only paths into mappings are removed.
   *
   * @return whether something was removed
   */
  boolean remove(String path) {
    return remove(fields, path);
  }

  @SuppressWarnings("unchecked")
  private static boolean remove(List<Field> fields, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return fields.removeIf(f -> f.key().equals(path));
    }
    String head = path.substring(0, dot);
    for (Field f : fields) {
      if (f.key().equals(head) && f.value() instanceof List<?> list && isMapping(list)) {
        boolean removed = remove((List<Field>) list, path.substring(dot + 1));
        if (removed && list.isEmpty()) {
          fields.remove(f);
        }
        return removed;
      }
    }
    return false;
  }

  static boolean isMapping(List<?> list) {
    return !list.isEmpty() && list.get(0) instanceof Field;
  }

  /** Whether the document was taken out, and why. */
  String dropped() {
    return dropped;
  }

  void drop(String why) {
    if (dropped == null) {
      dropped = why;
    }
  }

  /** {@code Host "mylaptop"}. */
  @Override
  public String toString() {
    return kind + " \"" + name + "\"";
  }
}
