package io.netroot.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an NFS-Ganesha configuration the way its lexer and grammar do ({@code
 * src/config_parsing/conf_lex.l}, {@code conf_yacc.y}): {@code #} to the end of the line is a
 * comment outside a string; a double-quoted string may hold anything but an unescaped quote, a
 * backslash escaping the next character; {@code '…'} holds anything but a single quote; braces,
 * {@code =}, {@code ;} and {@code ,} are syntax; anything else up to a blank or one of those is a
 * bare term. The file is blocks of {@code NAME { … }} holding blocks and {@code KEY = TERM, TERM;}
 * statements. Written for the tests; anything else is an error.
 */
final class GaneshaReader {

  private GaneshaReader() {}

  /** A block with its statements (in order, each key's terms) and sub-blocks. */
  record Block(String name, Map<String, List<String>> statements, List<Block> children) {

    List<String> keys() {
      return List.copyOf(statements.keySet());
    }

    List<String> values(String key) {
      return statements.getOrDefault(key, List.of());
    }

    List<Block> blocks(String name) {
      return children.stream().filter(b -> b.name().equals(name)).toList();
    }
  }

  static List<Block> read(String text) {
    List<String> tokens = tokens(text);
    int[] at = {0};
    List<Block> blocks = new ArrayList<>();
    while (at[0] < tokens.size()) {
      blocks.add(block(tokens, at));
    }
    return blocks;
  }

  private static Block block(List<String> tokens, int[] at) {
    String name = bare(tokens, at[0]++);
    expect(tokens, at, "{");
    Map<String, List<String>> statements = new LinkedHashMap<>();
    List<Block> children = new ArrayList<>();
    while (!tokens.get(at[0]).equals("}")) {
      if (tokens.get(at[0] + 1).equals("{")) {
        children.add(block(tokens, at));
        continue;
      }
      String key = bare(tokens, at[0]++);
      expect(tokens, at, "=");
      List<String> terms = new ArrayList<>();
      terms.add(term(tokens, at[0]++));
      while (tokens.get(at[0]).equals(",")) {
        at[0]++;
        terms.add(term(tokens, at[0]++));
      }
      expect(tokens, at, ";");
      if (statements.putIfAbsent(key, terms) != null) {
        throw new IllegalArgumentException("ganesha.conf: " + key + " given twice in " + name);
      }
    }
    at[0]++;
    return new Block(name, statements, children);
  }

  private static void expect(List<String> tokens, int[] at, String syntax) {
    if (!tokens.get(at[0]).equals(syntax)) {
      throw new IllegalArgumentException(
          "ganesha.conf: expected " + syntax + ", got " + tokens.get(at[0]));
    }
    at[0]++;
  }

  private static String bare(List<String> tokens, int i) {
    String token = tokens.get(i);
    if (token.length() == 1 && "{}=;,".contains(token) || token.startsWith("\u0000")) {
      throw new IllegalArgumentException("ganesha.conf: expected a name, got " + token);
    }
    return token;
  }

  /** A term: a bare word as it is, a quoted string (marked by a leading NUL) unquoted. */
  private static String term(List<String> tokens, int i) {
    String token = tokens.get(i);
    if (token.startsWith("\u0000")) {
      return token.substring(1);
    }
    return bare(tokens, i);
  }

  /** The tokens; a string's token is a NUL then its text with escapes removed. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n') {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if ("{}=;,".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"' || c == '\'') {
        StringBuilder value = new StringBuilder("\u0000");
        i++;
        while (i < text.length() && text.charAt(i) != c) {
          if (c == '"' && text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          throw new IllegalArgumentException("ganesha.conf: unterminated string");
        }
        i++;
        tokens.add(value.toString());
      } else {
        int start = i;
        while (i < text.length() && " \t\r\f\n#{}=;,\"'".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }
}
