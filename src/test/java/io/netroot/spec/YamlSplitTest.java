package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Cutting a YAML stream into parts gives the documents, and the lines, of one parse. */
class YamlSplitTest {

  private static final Path FILE = Path.of("hosts.yaml");

  /** Documents with {@code ---} in block scalars, quoted strings, plain scalars and comments. */
  private static final String AWKWARD =
      "first: implicit document\n"
          + "--- \n"
          + "block: |\n"
          + "  text\n"
          + "  --- not a marker, indented\n"
          + "  ---\n"
          + "folded: >-\n"
          + "  ---\n"
          + "---\n"
          + "quoted: \"--- inside quotes\"\n"
          + "multi: \"a quoted string that runs on\n"
          + "  --- indented, and\n"
          + "---still inside: no space after the dashes\"\n"
          + "single: 'and\n"
          + "---x'\n"
          + "# --- a comment\n"
          + "plain: a plain scalar\n"
          + "  --- continued\n"
          + "---\r\n"
          + "crlf: [a, b]\r\n"
          + "--- top level scalar\n"
          + "  ---- continued\n"
          + "---\n"
          + "---text: a key starting with dashes\n"
          + "--- {flow: map,\n"
          + "  --- inside: flow}\n"
          + "---\n"
          + "...\n"
          + "--- |\n"
          + "  a top-level block scalar\n"
          + "  ---\n"
          + "---\n"
          + "last: [1, 2]\n";

  @Test
  void partsStartOnlyAtDocumentStartMarkers() {
    List<YamlSplit.Part> parts = YamlSplit.split(AWKWARD, 100, 1);

    assertThat(parts).hasSizeGreaterThan(5);
    assertThat(parts.get(0).text()).startsWith("first:");
    assertThat(parts.get(0).lineOffset()).isZero();
    for (YamlSplit.Part part : parts.subList(1, parts.size())) {
      assertThat(part.text()).matches("(?s)---( |\\r?\\n).*");
    }
    StringBuilder whole = new StringBuilder();
    parts.forEach(part -> whole.append(part.text()));
    assertThat(whole.toString()).isEqualTo(AWKWARD);
  }

  @Test
  void thePartsComposeToTheDocumentsAndPositionsOfOneParse() {
    List<YamlSplit.Part> parts = YamlSplit.split(AWKWARD, 100, 1);
    assertThat(parts).hasSizeGreaterThan(5);

    assertThat(describeParts(parts))
        .isEqualTo(describeParts(List.of(new YamlSplit.Part(AWKWARD, 0))));
    assertThat(describeParts(parts)).hasSize(9);
  }

  @Test
  void aSyntaxErrorIsFoundInThePartThatHoldsIt() {
    String text = AWKWARD.replace("quoted: \"--- inside quotes\"", "quoted: \"--- unclosed");
    List<YamlSplit.Part> parts = YamlSplit.split(text, 100, 1);

    assertThat(parts.stream().filter(p -> compose(p, new ArrayList<>()) == null)).isNotEmpty();
  }

  @Test
  void smallTextsAndTextsWithDirectivesOrLoneCarriageReturnsAreNotCut() {
    assertThat(YamlSplit.split(AWKWARD, 100, AWKWARD.length())).hasSize(1);
    assertThat(YamlSplit.split(AWKWARD, 1, 1)).hasSize(1);
    assertThat(YamlSplit.split("a: 1\n%YAML 1.2\n---\nb: 2\n---\nc: 3\n", 100, 1)).hasSize(1);
    assertThat(YamlSplit.split("%YAML 1.2\n---\nb: 2\n---\nc: 3\n", 100, 1)).hasSize(1);
    assertThat(YamlSplit.split("a: 1\rb: 2\n---\nc: 3\n---\nd: 4\n", 100, 1)).hasSize(1);
    assertThat(YamlSplit.split("a: 1\r\nb: 2\n---\nc: 3\n---\nd: 4\n", 100, 1)).hasSize(3);
  }

  @Test
  void aMarkerAtTheVeryEndIsNotAPart() {
    assertThat(YamlSplit.split("a: 1\n---", 100, 1)).hasSize(1);
    assertThat(YamlSplit.split("a: 1\n---\n", 100, 1)).hasSize(2);
  }

  @Test
  void lineOffsetsCountTheLinesBeforeEachPart() {
    List<YamlSplit.Part> parts = YamlSplit.split(AWKWARD, 100, 1);
    int lines = 0;
    int at = 0;
    for (YamlSplit.Part part : parts) {
      assertThat(part.lineOffset()).isEqualTo(lines);
      lines += (int) part.text().chars().filter(c -> c == '\n').count();
      at += part.text().length();
    }
    assertThat(at).isEqualTo(AWKWARD.length());
  }

  /** Every document of the parts, each node with its value and its line and column in the file. */
  private static List<String> describeParts(List<YamlSplit.Part> parts) {
    List<String> out = new ArrayList<>();
    for (YamlSplit.Part part : parts) {
      List<SpecError> errors = new ArrayList<>();
      List<Node> documents = compose(part, errors);
      assertThat(errors).isEmpty();
      for (Node root : documents) {
        StringBuilder text = new StringBuilder();
        describe(root, part.lineOffset(), text);
        out.add(text.toString());
      }
    }
    return out;
  }

  private static List<Node> compose(YamlSplit.Part part, List<SpecError> errors) {
    return YamlFiles.compose(FILE, part.text(), errors);
  }

  private static void describe(Node node, int lineOffset, StringBuilder out) {
    Position at = new DocumentContext(FILE, lineOffset, new ArrayList<>()).position(node);
    out.append(at.line()).append(':').append(at.column()).append(' ');
    if (node instanceof ScalarNode scalar) {
      out.append('"').append(scalar.getValue()).append("\" ");
    } else if (node instanceof MappingNode mapping) {
      out.append("{ ");
      for (NodeTuple tuple : mapping.getValue()) {
        describe(tuple.getKeyNode(), lineOffset, out);
        describe(tuple.getValueNode(), lineOffset, out);
      }
      out.append("} ");
    } else if (node instanceof SequenceNode sequence) {
      out.append("[ ");
      sequence.getValue().forEach(item -> describe(item, lineOffset, out));
      out.append("] ");
    }
  }
}
