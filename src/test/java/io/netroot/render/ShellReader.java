package io.netroot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code KEY=value} line as a POSIX shell sourcing it would, and then the value as the
 * tftpd-hpa init script uses it, unquoted ({@code in.tftpd … $TFTP_DIRECTORY}). It knows only what
 * it needs: quoting (POSIX 2.2), and it fails on anything the shell would expand or run. Written
 * for the tests; {@code TftpdDefaultsShellIT} asks a real shell the same questions.
 */
final class ShellReader {

  private ShellReader() {}

  /** The value {@code line} assigns to {@code key}, quotes removed. */
  static String assignment(String line, String key) {
    if (!line.startsWith(key + "=")) {
      throw new IllegalArgumentException("not an assignment of " + key + ": " + line);
    }
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = key.length() + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        char next = line.charAt(++i);
        if (next == '\n') {
          continue; // a line continuation, quoted or not
        }
        if (quoted && "$`\"\\".indexOf(next) < 0) {
          value.append('\\');
        }
        value.append(next);
      } else if (c == '$' || c == '`') {
        throw new IllegalArgumentException("the shell would expand or run: " + line);
      } else if (!quoted && (c == '\'' || " \t\n;&|<>()#*?[~".indexOf(c) >= 0)) {
        throw new IllegalArgumentException("an unquoted '" + c + "' ends the word: " + line);
      } else {
        value.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated double quote: " + line);
    }
    return value.toString();
  }

  /**
   * The words an unquoted {@code $VAR} becomes: split at the blanks of the default {@code IFS};
   * pathname expansion is refused, since what it gives depends on the files present.
   */
  static List<String> unquotedUse(String value) {
    for (char c : new char[] {'*', '?', '['}) {
      if (value.indexOf(c) >= 0) {
        throw new IllegalArgumentException("the shell would expand '" + c + "' to file names");
      }
    }
    List<String> words = new ArrayList<>();
    for (String word : value.split("[ \t\n]+", -1)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
