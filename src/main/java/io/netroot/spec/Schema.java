package io.netroot.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields a YAML mapping may hold, with their types and whether they are required. Binders
 * declare one per mapping so that unknown fields, wrong types and missing fields are caught in one
 * place, the same way for every kind.
 *
 * <p>A declaration also says what is nested: the schema of a mapping field ({@link
 * #optional(String, Schema)}), of the items of a list of mappings ({@link #listOf}), and the words
 * a field takes when the binder reads it as one of an enum's ({@link #optional(String, Class)}).
 * The reader ({@link MappingReader#mapping(String)}) takes a nested mapping's schema from here, and
 * {@link JsonSchema} describes every kind for editors from the same declarations.
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

  /**
   * One field: its key, the type of its value, and whether it must be written.
   *
   * @param nested for a {@link Type#MAP}, the schema of the mapping; for a {@link Type#LIST}, the
   *     schema of each item when the items are mappings; else {@code null} (a list of strings)
   * @param words for a {@link Type#STRING} that names one of an enum's constants, the words it
   *     takes ({@link #words}); else empty
   */
  record Field(String key, Type type, boolean required, Schema nested, List<String> words) {

    Field {
      words = List.copyOf(words);
      if (nested != null && type != Type.MAP && type != Type.LIST) {
        throw new IllegalArgumentException(key + ": only a mapping or a list nests a schema");
      }
    }
  }

  /** A list whose items are mappings of {@code items}: the value of a {@link #listOf} field. */
  record ItemsOf(Schema items) {}

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
    return new Field(key, type, true, null, List.of());
  }

  static Field optional(String key, Type type) {
    return new Field(key, type, false, null, List.of());
  }

  /** A mapping field read against {@code nested}. */
  static Field required(String key, Schema nested) {
    return new Field(key, Type.MAP, true, nested, List.of());
  }

  /** A mapping field read against {@code nested}. */
  static Field optional(String key, Schema nested) {
    return new Field(key, Type.MAP, false, nested, List.of());
  }

  /** A list field whose items are mappings read against {@code items.items()}. */
  static Field required(String key, ItemsOf items) {
    return new Field(key, Type.LIST, true, items.items(), List.of());
  }

  /** A list field whose items are mappings read against {@code items.items()}. */
  static Field optional(String key, ItemsOf items) {
    return new Field(key, Type.LIST, false, items.items(), List.of());
  }

  /** A string field that names one of {@code words}' constants ({@link Values#oneOf}). */
  static Field optional(String key, Class<? extends Enum<?>> words) {
    return new Field(key, Type.STRING, false, null, words(words));
  }

  /** A string field that takes one of {@code words}, which its binder checks itself. */
  static Field optional(String key, List<String> words) {
    return new Field(key, Type.STRING, false, null, words);
  }

  /** A required string field that names one of {@code words}' constants. */
  static Field required(String key, Class<? extends Enum<?>> words) {
    return new Field(key, Type.STRING, true, null, words(words));
  }

  static ItemsOf listOf(Schema items) {
    return new ItemsOf(items);
  }

  /**
   * The words that name {@code type}'s constants in YAML: lowercase, {@code _} as {@code -} ({@code
   * INITRAMFS_TOOLS} is {@code initramfs-tools}), in declaration order.
   */
  static List<String> words(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(c -> word(c.name())).toList();
  }

  static String word(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
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

  Collection<Field> fields() {
    return fields.values();
  }

  List<Field> requiredFields() {
    return fields.values().stream().filter(Field::required).toList();
  }
}
