package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The JSON Schema for editors: the repository's copy is what the code makes, the specs and examples
 * of the repository pass a real validator with it, and it names exactly the fields, required fields
 * and words that the loader itself accepts, asked of the loader through its error messages (not of
 * the declarations the schema is made from).
 */
class JsonSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIELDS = Pattern.compile("; the fields of .* are: (.*)$");

  @TempDir Path dir;

  @Test
  void theRepositoryCopyIsWhatTheCodeMakes() throws IOException {
    assertThat(Files.readString(Path.of(JsonSchema.REPOSITORY_FILE)))
        .as(
            JsonSchema.REPOSITORY_FILE
                + " is out of date: bin/agent schema > "
                + JsonSchema.REPOSITORY_FILE)
        .isEqualTo(JsonSchema.document());
  }

  @Test
  void everyDocumentOfTheSpecsAndExamplesIsValid() throws IOException {
    Schema schema = validator();
    List<Path> files;
    try (Stream<Path> specs = Files.walk(Path.of("specs"));
        Stream<Path> examples = Files.walk(Path.of("examples"))) {
      files =
          Stream.concat(specs, examples)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    int documents = 0;
    for (Path file : files) {
      for (JsonNode document : documents(Files.readString(file))) {
        assertThat(schema.validate(document)).as(file + ": " + document).isEmpty();
        documents++;
      }
    }
    assertThat(documents).isGreaterThan(20);
  }

  @Test
  void theValidatorFlagsWhatTheLoaderRefuses() throws IOException {
    Schema schema = validator();
    String host =
        "apiVersion: netroot/v1\nkind: Host\nmetadata: {name: n1}\n"
            + "spec: {mac: '52:54:00:00:00:01', profile: p, %s}\n";
    assertThat(schema.validate(documents(host.formatted("firmware: uefi")).get(0))).isEmpty();
    assertThat(messages(schema, host.formatted("firmwre: uefi")))
        .anyMatch(m -> m.contains("firmwre"));
    assertThat(messages(schema, host.formatted("firmware: efi"))).anyMatch(m -> m.contains("enum"));
    assertThat(messages(schema, host.formatted("ipReservedElsewhere: yes-please")))
        .anyMatch(m -> m.contains("boolean"));
    String image =
        "apiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: i}\n"
            + "spec: {path: /srv/i, files: [{path: /etc/motd, contents: hi}]}\n";
    assertThat(messages(schema, image))
        .anyMatch(m -> m.contains("contents"))
        .anyMatch(m -> m.contains("content"));
    assertThat(
            messages(schema, "apiVersion: netroot/v1\nkind: Hots\nmetadata: {name: n}\nspec: {}\n"))
        .anyMatch(m -> m.contains("kind"));
  }

  /**
   * Each mapping of each kind, asked of the loader: an unknown field there lists the fields it
   * takes, an empty mapping there says which are required, and a word field refuses a word that is
   * none of its own. Each must be what the schema says at that place.
   */
  @Test
  void itNamesExactlyTheFieldsRequiredFieldsAndWordsTheLoaderAccepts() throws IOException {
    JsonNode schema = JSON.readTree(JsonSchema.document());
    List<Level> levels = new ArrayList<>();
    levels.add(new Level(null, List.of(), schema));
    levels.add(new Level("Host", List.of("metadata"), schema.at("/properties/metadata")));
    schema
        .get("definitions")
        .fields()
        .forEachRemaining(e -> collect(e.getKey(), List.of("spec"), e.getValue(), levels));
    assertThat(levels).hasSizeGreaterThan(20);
    for (Level level : levels) {
      List<String> keys = new ArrayList<>();
      level.schema().get("properties").fieldNames().forEachRemaining(keys::add);
      assertThat(fieldsTheLoaderTakes(level)).as(level.toString()).isEqualTo(keys);

      List<String> required = new ArrayList<>();
      if (level.schema().has("required")) {
        level.schema().get("required").forEach(r -> required.add(r.asText()));
      }
      assertThat(requiredByTheLoader(level))
          .as("required at " + level)
          .containsExactlyInAnyOrderElementsOf(required);

      for (String key : keys) {
        JsonNode field = level.schema().get("properties").get(key);
        if (level.path().isEmpty()) {
          continue; // apiVersion and kind are the envelope's: const and enum, checked below
        }
        if (field.has("enum")) {
          for (JsonNode word : field.get("enum")) {
            assertThat(refusedAsAWord(level, key, word.asText()))
                .as(level + "." + key + ": " + word)
                .isFalse();
          }
          assertThat(refusedAsAWord(level, key, "zz-none")).as(level + "." + key).isTrue();
        } else if (field.path("type").isArray()) {
          assertThat(errors(level, key, "zz-none"))
              .as(level + "." + key + " is read as a word but the schema lists none")
              .noneMatch(m -> m.contains(" is not one of "));
        }
      }
    }
    JsonNode kinds = schema.at("/properties/kind/enum");
    assertThat(kinds).hasSize(DocumentBinder.BINDERS.size());
    for (JsonNode kind : kinds) {
      assertThat(schema.at("/definitions/" + kind.asText()).isMissingNode()).isFalse();
    }
  }

  /** One mapping of the documents: the kind it is in, its path, its schema. */
  private record Level(String kind, List<String> path, JsonNode schema) {
    String dotted() {
      return String.join(".", path);
    }

    @Override
    public String toString() {
      return (kind == null ? "the envelope" : kind) + " " + dotted();
    }
  }

  /** This level and every object below it: a mapping's fields, a list's mapping items. */
  private static void collect(String kind, List<String> path, JsonNode object, List<Level> levels) {
    levels.add(new Level(kind, path, object));
    Iterator<Map.Entry<String, JsonNode>> fields = object.get("properties").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      List<String> below = new ArrayList<>(path);
      below.add(e.getKey());
      if (e.getValue().has("properties")) {
        collect(kind, below, e.getValue(), levels);
      } else if (e.getValue().path("items").has("properties")) {
        below.add("0");
        collect(kind, below, e.getValue().get("items"), levels);
      }
    }
  }

  private List<String> fieldsTheLoaderTakes(Level level) throws IOException {
    String unknown = level.path().isEmpty() ? "zzUnknown" : level.dotted() + ".zzUnknown";
    for (String message : load(level, Map.of("zzUnknown", 1))) {
      if (message.startsWith("unknown field \"" + unknown + "\"")) {
        Matcher m = FIELDS.matcher(message);
        assertThat(m.find()).as(message).isTrue();
        return List.of(m.group(1).split(", "));
      }
    }
    throw new AssertionError("the loader took an unknown field at " + level);
  }

  private List<String> requiredByTheLoader(Level level) throws IOException {
    Pattern required =
        Pattern.compile(
            (level.path().isEmpty() ? "" : Pattern.quote(level.dotted() + "."))
                + "(\\S+) is required but missing");
    List<String> keys = new ArrayList<>();
    for (String message : load(level, Map.of())) {
      Matcher m = required.matcher(message);
      if (m.matches()) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }

  private boolean refusedAsAWord(Level level, String key, String word) throws IOException {
    String refused = level.dotted() + "." + key + " \"" + word + "\" is not ";
    return errors(level, key, word).stream().anyMatch(m -> m.startsWith(refused));
  }

  private List<String> errors(Level level, String key, String value) throws IOException {
    return load(level, Map.of(key, value));
  }

  /**
   * What the loader says is wrong with a document with {@code content} as the mapping at the level.
   */
  private List<String> load(Level level, Map<String, Object> content) throws IOException {
    Object document;
    if (level.kind() == null) {
      document = content;
    } else {
      Object value = content;
      List<String> path = level.path();
      for (int i = path.size() - 1; i >= 0; i--) {
        if (path.get(i).equals("0")) {
          value = List.of(value);
        } else if (i > 0) {
          value = Map.of(path.get(i), value);
        }
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("apiVersion", DocumentBinder.API_VERSION);
      doc.put("kind", level.kind());
      doc.put("metadata", Map.of("name", "probe"));
      doc.put("spec", Map.of());
      doc.put(path.get(0), value);
      document = doc;
    }
    Path specs = Files.createTempDirectory(dir, "specs");
    // JSON is YAML: the loader reads it as any spec file
    Files.writeString(specs.resolve("probe.yaml"), JSON.writeValueAsString(document));
    // each message is the document's subject (Host "probe"), then what is wrong
    return SpecFixtures.errors(specs).stream()
        .map(SpecError::message)
        .map(m -> m.substring(m.indexOf(": ") + 2))
        .toList();
  }

  private static Schema validator() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(readTree(JsonSchema.document()));
  }

  private static List<String> messages(Schema schema, String yaml) {
    return schema.validate(documents(yaml).get(0)).stream().map(Error::toString).toList();
  }

  /** Each document of a YAML file as JSON, read with the core schema as the loader reads it. */
  private static List<JsonNode> documents(String yaml) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : load.loadAllFromString(yaml)) {
      if (document != null) {
        documents.add(JSON.valueToTree(document));
      }
    }
    return documents;
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
