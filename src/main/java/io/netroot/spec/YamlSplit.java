package io.netroot.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text of a large YAML stream into parts at document boundaries, so that the parts can be
 * composed on several threads. A part starts at a line that is a document start marker ({@code ---}
 * at the start of a line, followed by a space or the end of the line), and knows how many lines of
 * the whole text come before it, so that positions found in it can be given as lines of the file.
 *
 * <p>Such a line can never be inside a document: SnakeYAML Engine ends a plain scalar there, a
 * block scalar's content is indented by at least one space, a quoted scalar or a flow collection
 * that runs into it is a syntax error, and anchors do not reach across documents. So composing the
 * parts one by one gives the documents that composing the whole text gives, or a syntax error in
 * some part when the whole has one; the caller then composes the whole text to report the error as
 * a single parse does. Where the text holds something this reasoning does not cover, it is not cut:
 * a directive ({@code %} at the start of a line, which belongs to the document after it) or a
 * carriage return that is not followed by a line feed (a line break of its own for SnakeYAML).
 */
final class YamlSplit {

  /** A part of the text, and the lines of the text before it. */
  record Part(String text, int lineOffset) {}

  /** Texts shorter than this many characters per part are not cut into more parts. */
  static final int MIN_PART_CHARS = 64 * 1024;

  private YamlSplit() {}

  /**
   * At most {@code wanted} parts of {@code text}, each of at least about {@link #MIN_PART_CHARS}
   * characters and cut only at document start markers; the whole text as one part when it is small
   * or cannot safely be cut.
   */
  static List<Part> split(String text, int wanted) {
    return split(text, wanted, MIN_PART_CHARS);
  }

  /** As {@link #split(String, int)}, with the smallest part given (tests cut small texts). */
  static List<Part> split(String text, int wanted, int minPartChars) {
    int parts = (int) Math.min(wanted, text.length() / Math.max(1, (long) minPartChars));
    if (parts < 2 || !cuttable(text)) {
      return List.of(new Part(text, 0));
    }
    List<Part> out = new ArrayList<>(parts);
    int start = 0;
    int lines = 0;
    for (int i = 1; i < parts; i++) {
      int target = (int) ((long) text.length() * i / parts);
      int cut = nextDocumentStart(text, Math.max(target, start + 1));
      if (cut < 0) {
        break;
      }
      out.add(new Part(text.substring(start, cut), lines));
      lines += count(text, start, cut);
      start = cut;
    }
    out.add(new Part(text.substring(start), lines));
    return out;
  }

  /**
   * The index of the first line at or after {@code from} (a line starting after index {@code from -
   * 1}) that is a document start marker, or -1.
   */
  private static int nextDocumentStart(String text, int from) {
    int at = from - 1;
    while ((at = text.indexOf("\n---", at)) >= 0) {
      int after = at + 4;
      if (after == text.length()) {
        return -1; // a marker that ends the text: nothing after it to parse apart
      }
      char next = text.charAt(after);
      if (next == ' ' || next == '\n' || next == '\r') {
        return at + 1;
      }
      at = after;
    }
    return -1;
  }

  /** False when the text holds a directive or a carriage return of its own. */
  private static boolean cuttable(String text) {
    if (text.startsWith("%") || text.contains("\n%")) {
      return false;
    }
    for (int at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
      if (at + 1 == text.length() || text.charAt(at + 1) != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The line feeds in {@code text} from {@code start} to before {@code end}. */
  private static int count(String text, int start, int end) {
    int lines = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
