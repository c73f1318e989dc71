package io.netroot.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an exports(5) file the way nfs-utils does ({@code support/nfs/xio.c} and {@code exports.c}
 * of nfs-utils 2.6): {@code #} starts a comment wherever it is, a backslash before a line feed
 * joins two lines, a token ends at an unquoted blank, a double quote toggles quoting, and a
 * backslash with three octal digits is decoded as soon as it is read, even after a decoded
 * backslash. A line is a path, then clients, each {@code HOST} or {@code HOST(OPTIONS)}; a word
 * starting with {@code -} holds default options. Written for the tests.
 */
final class ExportsReader {

  private ExportsReader() {}

  record Client(String match, List<String> options) {}

  /**
   * @param defaults the options of a {@code -OPTIONS} word, empty when there is none
   */
  record Line(String path, List<String> defaults, List<Client> clients) {}

  static List<Line> read(String text) {
    String stream = joinAndStripComments(text);
    List<Line> lines = new ArrayList<>();
    int[] at = {0};
    while (at[0] < stream.length()) {
      List<String> tokens = new ArrayList<>();
      while (true) {
        while (at[0] < stream.length()
            && (stream.charAt(at[0]) == ' ' || stream.charAt(at[0]) == '\t')) {
          at[0]++;
        }
        if (at[0] >= stream.length() || stream.charAt(at[0]) == '\n') {
          at[0]++;
          break;
        }
        tokens.add(token(stream, at));
      }
      if (!tokens.isEmpty()) {
        lines.add(line(tokens));
      }
    }
    return lines;
  }

  private static Line line(List<String> tokens) {
    List<String> defaults = List.of();
    List<Client> clients = new ArrayList<>();
    for (String token : tokens.subList(1, tokens.size())) {
      if (token.startsWith("-")) {
        defaults = Arrays.asList(token.substring(1).split(",", -1));
        continue;
      }
      int open = token.indexOf('(');
      if (open < 0) {
        clients.add(new Client(token, List.of()));
        continue;
      }
      if (!token.endsWith(")") || token.indexOf(')') != token.length() - 1) {
        throw new IllegalArgumentException("exportfs: syntax error in " + token);
      }
      String options = token.substring(open + 1, token.length() - 1);
      clients.add(new Client(token.substring(0, open), Arrays.asList(options.split(",", -1))));
    }
    return new Line(tokens.get(0), defaults, clients);
  }

  /** xgettok: up to an unquoted blank, quotes removed, octal escapes decoded as they complete. */
  private static String token(String stream, int[] at) {
    StringBuilder tok = new StringBuilder();
    boolean quoted = false;
    while (at[0] < stream.length()) {
      char c = stream.charAt(at[0]);
      if (!quoted && isSpace(c)) {
        break;
      }
      at[0]++;
      if (c == '"') {
        quoted = !quoted;
        continue;
      }
      tok.append(c);
      int i = tok.length();
      if (i >= 4
          && tok.charAt(i - 4) == '\\'
          && isOctal(tok.charAt(i - 3))
          && isOctal(tok.charAt(i - 2))
          && isOctal(tok.charAt(i - 1))) {
        int value = Integer.parseInt(tok.substring(i - 3), 8);
        if (value < 256) {
          tok.setLength(i - 4);
          tok.append((char) value);
        }
      }
    }
    return tok.toString();
  }

  /** xgetc: a backslash and line feed read as a blank; {@code #} to the end of its line dropped. */
  private static String joinAndStripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i += 2;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        i--;
        out.append(' ');
      } else if (c == '#') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
