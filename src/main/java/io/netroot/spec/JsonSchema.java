package io.netroot.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft-07) of a spec document of every kind, for editors (yaml-language-server and
 * the editors built on it) to complete fields and flag mistakes while typing. It is made from the
 * binders' own {@link Schema} declarations, so it says what the loader reads: the same fields, the
 * same required ones, the same words for a field read as one of an enum's.
 *
 * <p>It says less than the loader checks: a value's grammar (an address, a path), ranges and the
 * checks across fields and documents are the loader's alone, and {@code agent validate} reports
 * them with their line and column. A {@code STRING} field takes any scalar, as the loader does
 * ({@code mode: 0644} is the string {@code 0644}).
 */
public final class JsonSchema {

  /** Where the schema is published in the repository and in the package. */
  public static final String REPOSITORY_FILE = "docs/netroot.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonSchema() {}

  /** The schema as JSON text, two spaces per level, ending with a newline. */
  public static String document() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(tree()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always encode", e);
    }
  }

  /** The schema as maps and lists. */
  static Map<String, Object> tree() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> envelope = object(DocumentBinder.ENVELOPE);
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "netroot spec document");
    root.put(
        "description",
        "One document of a netroot specs directory ("
            + DocumentBinder.API_VERSION
            + "). Made by `agent schema` from the loader's own declarations; `agent validate`"
            + " checks the values themselves.");
    envelope.remove("description");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) envelope.get("properties");
    properties.put("apiVersion", Map.of("const", DocumentBinder.API_VERSION));
    properties.put("kind", Map.of("enum", List.copyOf(DocumentBinder.BINDERS.keySet())));
    root.putAll(envelope);
    List<Object> byKind = new ArrayList<>();
    Map<String, Object> definitions = new LinkedHashMap<>();
    DocumentBinder.BINDERS.forEach(
        (kind, binder) -> {
          definitions.put(kind, object(binder.spec()));
          Map<String, Object> when = new LinkedHashMap<>();
          when.put("properties", Map.of("kind", Map.of("const", kind)));
          when.put("required", List.of("kind"));
          Map<String, Object> then = new LinkedHashMap<>();
          then.put("properties", Map.of("spec", Map.of("$ref", "#/definitions/" + kind)));
          Map<String, Object> rule = new LinkedHashMap<>();
          rule.put("if", when);
          rule.put("then", then);
          byKind.add(rule);
        });
    root.put("allOf", byKind);
    root.put("definitions", definitions);
    return root;
  }

  /** An object of exactly the schema's fields, its required ones required. */
  private static Map<String, Object> object(Schema schema) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("description", schema.owner());
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Schema.Field field : schema.fields()) {
      properties.put(field.key(), value(field));
    }
    object.put("properties", properties);
    List<String> required = schema.requiredFields().stream().map(Schema.Field::key).toList();
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    object.put("additionalProperties", false);
    return object;
  }

  private static Map<String, Object> value(Schema.Field field) {
    Map<String, Object> value = new LinkedHashMap<>();
    switch (field.type()) {
      case STRING -> {
        if (field.words().isEmpty()) {
          value.put("type", List.of("string", "number", "boolean"));
        } else {
          value.put("type", "string");
          value.put("enum", field.words());
        }
      }
      case INT -> {
        value.put("type", "integer");
        value.put("minimum", Integer.MIN_VALUE);
        value.put("maximum", Integer.MAX_VALUE);
      }
      case BOOL -> value.put("type", "boolean");
      case LIST -> {
        value.put("type", "array");
        value.put(
            "items",
            field.nested() != null
                ? object(field.nested())
                : Map.of("type", List.of("string", "number", "boolean")));
      }
      case MAP -> {
        if (field.nested() != null) {
          return object(field.nested());
        }
        value.put("type", "object");
      }
    }
    return value;
  }
}
