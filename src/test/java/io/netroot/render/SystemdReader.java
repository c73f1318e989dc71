package io.netroot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the command line of an {@code ExecStart=} setting into the arguments systemd runs
 * (systemd.service(5), "Command lines"): words separated by blanks, double or single quotes
 * grouping, backslash escapes ({@code \\}, {@code \"}, {@code \'}), then {@code %%} for a {@code %}
 * and {@code $$} for a {@code $}. It fails on anything systemd would expand or continue: any other
 * specifier or variable, any other escape, a backslash ending the line. Written for the tests.
 */
final class SystemdReader {

  private SystemdReader() {}

  static List<String> commandLine(String line) {
    if (line.endsWith("\\")) {
      throw new IllegalArgumentException("systemd would continue the line: " + line);
    }
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
        i++;
        continue;
      }
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (i < line.length()) {
        char c = line.charAt(i++);
        if (quote == 0 && (c == ' ' || c == '\t')) {
          break;
        }
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        } else if (c == '\\') {
          char next = line.charAt(i++);
          if (next != '\\' && next != '"' && next != '\'') {
            throw new IllegalArgumentException("an escape systemd would decode: \\" + next);
          }
          word.append(next);
        } else {
          word.append(c);
        }
      }
      if (quote != 0) {
        throw new IllegalArgumentException("unterminated quote: " + line);
      }
      words.add(expand(word.toString()));
    }
    return words;
  }

  /** Specifiers, then variables: only the doubled forms, which stand for the character. */
  private static String expand(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '%' || c == '$') {
        if (i + 1 >= word.length() || word.charAt(i + 1) != c) {
          throw new IllegalArgumentException("systemd would expand " + c + " in " + word);
        }
        i++;
      }
      out.append(c);
    }
    return out.toString();
  }
}
