package io.netroot.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Values from a server are data in the YAML: whatever they hold, they read back as themselves. */
class SpecYamlTest {

  static final List<String> HOSTILE =
      List.of(
          "plain",
          "say \"hi\"",
          "back\\slash",
          "two\nlines",
          "cr\rlf",
          "{ flow: mapping }",
          "[a, b]",
          "# not a comment",
          "key: value",
          "- item",
          "&anchor *alias !tag",
          "  leading and trailing  ",
          "",
          "true",
          "0x10",
          "tab\there",
          "nul\0byte",
          "del\u007f",
          "next line\u0085",
          "line sep\u2028para\u2029",
          "bom\ufeff",
          "na\u00efve caf\u00e9",
          "emoji \ud83d\ude00",
          "x".repeat(20_000));

  @Test
  @SuppressWarnings("unchecked")
  void hostileValuesReadBackAsThemselves() {
    SpecDoc doc = new SpecDoc("Profile", "p", null, "server:1");
    doc.put("kernelArgs", HOSTILE);
    doc.put("menuLabel", "a # b: {c}", "made \n up # here");
    SpecYaml yaml = new SpecYaml("header\nwith \u2028 odd text");
    yaml.document(doc);
    String text = yaml.text();
    Iterable<Object> docs =
        new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build())
            .loadAllFromString(text);
    Map<String, Object> read = (Map<String, Object>) docs.iterator().next();
    Map<String, Object> spec = (Map<String, Object>) read.get("spec");
    assertThat(spec).containsOnlyKeys("kernelArgs", "menuLabel");
    assertThat((List<String>) spec.get("kernelArgs")).containsExactlyElementsOf(HOSTILE);
    assertThat(spec.get("menuLabel")).isEqualTo("a # b: {c}");
    // every line is printable ASCII: nothing a reader could take for a line break
    assertThat(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f))).isTrue();
    assertThat(text).contains("# guessed: made ? up # here");
  }

  @Test
  void eachLineIsKnownByItsDocumentAndField() {
    SpecDoc doc = new SpecDoc("Export", "e", null, "x:1");
    doc.put(
        "clients",
        List.of(
            List.of(new SpecDoc.Field("match", "*"), new SpecDoc.Field("options", List.of("ro")))));
    SpecYaml yaml = new SpecYaml("h");
    yaml.document(doc);
    List<String> lines = yaml.text().lines().toList();
    int match = lines.indexOf("    - match: \"*\"") + 1;
    assertThat(yaml.fieldAt(match).field()).isEqualTo("spec.clients.0.match");
    assertThat(yaml.fieldAt(match + 2).field()).isEqualTo("spec.clients.0.options.0");
    assertThat(yaml.fieldAt(1)).isNull();
    assertThat(yaml.fieldAt(match).doc()).isSameAs(doc);
  }
}
