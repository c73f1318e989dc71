package io.netroot.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * exports(5) read as entries: a path and its clients, each with its options. A line ending in
 * {@code \} continues on the next; {@code #} starts a comment; a path may be in double quotes, and
 * {@code \040}-style octal escapes stand for the character (a blank, mostly).
 */
public final class ExportsFile {

  private final List<Entry> entries;

  private ExportsFile(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * One export.
   *
   * @param path the exported path, escapes decoded
   * @param clients each client as written ({@code 10.0.0.0/24(rw,sync)}, {@code *(ro)}), in order;
   *     a bare option list {@code (ro)} stands for default options of the line
   * @param range the lines it takes (continuations included)
   */
  public record Entry(String path, List<Client> clients, LineRange range) {}

  /**
   * One client of an export.
   *
   * @param match who: an address, a network, a name, a wildcard, {@code @netgroup}; empty for a
   *     line's default options ({@code -opts} or a bare {@code (opts)})
   * @param options the options in the parentheses, in order
   */
  public record Client(String match, List<String> options) {}

  /** Reads {@code text}; lines that are not an export (no path) are skipped. */
  public static ExportsFile parse(String text) {
    List<Entry> entries = new ArrayList<>();
    int pos = 0;
    int line = 1;
    while (pos < text.length()) {
      int start = pos;
      int firstLine = line;
      StringBuilder logical = new StringBuilder();
      while (true) {
        int newline = text.indexOf('\n', pos);
        int end = newline < 0 ? text.length() : newline;
        String physical = text.substring(pos, end);
        pos = newline < 0 ? text.length() : newline + 1;
        String withoutComment = stripComment(physical);
        if (withoutComment.stripTrailing().endsWith("\\") && pos < text.length()) {
          String kept = withoutComment.stripTrailing();
          logical.append(kept, 0, kept.length() - 1).append(' ');
          line++;
          continue;
        }
        logical.append(withoutComment);
        break;
      }
      int lastLine = line;
      line++;
      List<String> words = words(logical.toString());
      if (words.isEmpty() || !words.get(0).startsWith("/")) {
        continue;
      }
      List<Client> clients = new ArrayList<>();
      for (String word : words.subList(1, words.size())) {
        clients.add(client(word));
      }
      entries.add(
          new Entry(
              unescape(words.get(0)),
              List.copyOf(clients),
              new LineRange(start, pos, firstLine, lastLine)));
    }
    return new ExportsFile(List.copyOf(entries));
  }

  /** The exports, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  private static Client client(String word) {
    if (word.startsWith("-")) {
      return new Client("", List.of(word.substring(1).split(",")));
    }
    int open = word.indexOf('(');
    if (open < 0) {
      return new Client(word, List.of());
    }
    int close = word.lastIndexOf(')');
    String inside = word.substring(open + 1, close < open ? word.length() : close);
    List<String> options = inside.isEmpty() ? List.of() : List.of(inside.split(","));
    return new Client(word.substring(0, open), options);
  }

  /** The line up to a {@code #} that is not inside double quotes. */
  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Blank-separated words; a {@code "…"} word may hold blanks and loses its quotes. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(word.toString());
    }
    return out;
  }

  /** {@code \040} and other three-digit octal escapes decoded. */
  static String unescape(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\'
          && i + 3 < path.length()
          && isOctal(path.charAt(i + 1))
          && isOctal(path.charAt(i + 2))
          && isOctal(path.charAt(i + 3))) {
        out.append((char) Integer.parseInt(path.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
