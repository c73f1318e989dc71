package io.netroot.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a YAML mapping may hold, with their types and whether they are required. Binders
 * declare one per mapping so that unknown fields, wrong types and missing fields are caught in one
 * place, the same way for every kind.
 */
final class Schema {

  /** What a field's value must be. */
  enum Type {
    STRING("a string"),
    INT("an integer"),
    BOOL("a boolean (true or false)"),
    LIST("a list"),
    MAP("a mapping");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  /** One field: its key, the type of its value, and whether it must be written. */
  record Field(String key, Type type, boolean required) {}

  private final String owner;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  private Schema(String owner, Field... fields) {
    this.owner = owner;
    for (Field field : fields) {
      this.fields.put(field.key(), field);
    }
  }

  /**
   * @param owner what the mapping is, for messages ("Host spec", "BootServer spec.dhcp")
   */
  static Schema of(String owner, Field... fields) {
    return new Schema(owner, fields);
  }

  static Field required(String key, Type type) {
    return new Field(key, type, true);
  }

  static Field optional(String key, Type type) {
    return new Field(key, type, false);
  }

  String owner() {
    return owner;
  }

  Field field(String key) {
    return fields.get(key);
  }

  List<String> keys() {
    return new ArrayList<>(fields.keySet());
  }

  List<Field> requiredFields() {
    return fields.values().stream().filter(Field::required).toList();
  }
}
