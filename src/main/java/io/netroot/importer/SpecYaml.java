package io.netroot.importer;

import io.netroot.importer.SpecDoc.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes spec documents as YAML whose structure is the import's alone: every string is a
 * double-quoted scalar with {@code "}, {@code \} and every character outside printable ASCII
 * escaped ({@code \n}, {@code \x85}, {@code \u2028}, {@code \U0001F600}), so no value read from a
 * server can end its line, start a comment, open a flow collection or add a key. Comments (a {@code
 * # guessed: …} note, a file's header) are the import's own text, made printable ASCII.
 *
 * <p>Block style, one value a line, so that each line of the file belongs to one field: {@link
 * #fieldAt} maps a line back to its document and field, to read the loader's errors.
 */
final class SpecYaml {

  /** Where each line of a written file comes from: a document and a dotted field path. */
  record Place(SpecDoc doc, String field) {}

  private final StringBuilder out = new StringBuilder();
  private final TreeMap<Integer, Place> places = new TreeMap<>();
  private int line = 1;

  /** Starts a file with a comment. */
  SpecYaml(String header) {
    for (String l : header.split("\n")) {
      append("# " + comment(l), null);
    }
  }

  /** Writes one document. */
  SpecYaml document(SpecDoc doc) {
    append("---", new Place(doc, ""));
    append("apiVersion: netroot/v1", new Place(doc, ""));
    append("kind: " + doc.kind(), new Place(doc, ""));
    append("metadata:", new Place(doc, "metadata"));
    append(
        "  name: " + quoted(doc.name()) + guess(doc.nameGuess()), new Place(doc, "metadata.name"));
    append("spec:", new Place(doc, "spec"));
    fields(doc, doc.fields(), "spec", "  ");
    return this;
  }

  @SuppressWarnings("unchecked")
  private void fields(SpecDoc doc, List<Field> fields, String path, String indent) {
    for (Field f : fields) {
      String at = path + "." + f.key();
      Object v = f.value();
      if (v instanceof List<?> list && SpecDoc.isMapping(list)) {
        append(indent + f.key() + ":" + guess(f.guess()), new Place(doc, at));
        fields(doc, (List<Field>) list, at, indent + "  ");
      } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>) {
        append(indent + f.key() + ":" + guess(f.guess()), new Place(doc, at));
        for (int i = 0; i < list.size(); i++) {
          List<Field> item = (List<Field>) list.get(i);
          for (int j = 0; j < item.size(); j++) {
            Field inner = item.get(j);
            String prefix = indent + (j == 0 ? "  - " : "    ");
            mappingItem(doc, inner, at + "." + i, prefix, indent + "      ");
          }
        }
      } else if (v instanceof List<?> list) {
        if (list.isEmpty()) {
          append(indent + f.key() + ": []" + guess(f.guess()), new Place(doc, at));
          continue;
        }
        append(indent + f.key() + ":" + guess(f.guess()), new Place(doc, at));
        for (int i = 0; i < list.size(); i++) {
          append(indent + "  - " + scalar(list.get(i)), new Place(doc, at + "." + i));
        }
      } else {
        append(indent + f.key() + ": " + scalar(v) + guess(f.guess()), new Place(doc, at));
      }
    }
  }

  /** A field of a mapping inside a list: {@code - key: value} or {@code key:} with items. */
  private void mappingItem(SpecDoc doc, Field f, String path, String prefix, String itemIndent) {
    String at = path + "." + f.key();
    if (f.value() instanceof List<?> list) {
      append(
          prefix + f.key() + ":" + (list.isEmpty() ? " []" : "") + guess(f.guess()),
          new Place(doc, at));
      for (int i = 0; i < list.size(); i++) {
        append(itemIndent + "- " + scalar(list.get(i)), new Place(doc, at + "." + i));
      }
    } else {
      append(prefix + f.key() + ": " + scalar(f.value()) + guess(f.guess()), new Place(doc, at));
    }
  }

  /** The text written. */
  String text() {
    return out.toString();
  }

  /** The document and field a line of the text belongs to, or {@code null} for the header. */
  Place fieldAt(int lineNumber) {
    var entry = places.floorEntry(lineNumber);
    return entry == null ? null : entry.getValue();
  }

  private void append(String text, Place place) {
    out.append(text).append('\n');
    if (place != null) {
      places.put(line, place);
    }
    line++;
  }

  private static String guess(String why) {
    return why == null ? "" : "  # guessed: " + comment(why);
  }

  private static String scalar(Object v) {
    if (v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    return quoted(String.valueOf(v));
  }

  /** A YAML double-quoted scalar holding exactly {@code text}. */
  static String quoted(String text) {
    StringBuilder q = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                q.append('\\').append((char) c);
              } else if (c == '\n') {
                q.append("\\n");
              } else if (c == '\t') {
                q.append("\\t");
              } else if (c >= 0x20 && c < 0x7f) {
                q.append((char) c);
              } else if (c <= 0xff) {
                q.append(String.format("\\x%02X", c));
              } else if (c <= 0xffff) {
                q.append(String.format("\\u%04X", c));
              } else {
                q.append(String.format("\\U%08X", c));
              }
            });
    return q.append('"').toString();
  }

  /** Text for a comment: printable ASCII on one line, anything else as {@code ?}. */
  static String comment(String text) {
    StringBuilder c = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      c.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
    }
    return c.toString();
  }

  /** The lines of the text that belong to {@code doc}, for tests and messages. */
  List<Integer> linesOf(SpecDoc doc) {
    List<Integer> lines = new ArrayList<>();
    places.forEach(
        (l, p) -> {
          if (p.doc() == doc) {
            lines.add(l);
          }
        });
    return lines;
  }
}
