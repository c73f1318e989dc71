package io.netroot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads dhcpd.conf into statements and blocks the way ISC dhcpd's lexer does ({@code
 * common/conflex.c}): ASCII blanks separate tokens, {@code #} to the end of the line is a comment,
 * a double-quoted string ends at an unescaped quote and decodes {@code \t \r \n \b}, octal and
 * {@code \x} escapes, letters, digits, {@code -} and {@code _} make words, and every other
 * character is a token of its own. A statement ends at {@code ;}, a block is {@code HEADER { … }}.
 * Written for the tests.
 */
final class DhcpdReader {

  private DhcpdReader() {}

  /** A string token is marked by a leading NUL. */
  static final char STRING = '\u0000';

  /** A statement ({@code children} empty, ended by {@code ;}) or a block. */
  record Node(List<String> tokens, List<Node> children, boolean block) {

    /** The host blocks at any depth. */
    List<Node> hosts() {
      List<Node> hosts = new ArrayList<>();
      for (Node child : children) {
        if (child.block() && child.tokens().get(0).equals("host")) {
          hosts.add(child);
        }
        hosts.addAll(child.hosts());
      }
      return hosts;
    }

    /** The tokens after the first, joined: a host's name, whose dots are tokens of their own. */
    String name() {
      return String.join("", tokens.subList(1, tokens.size()));
    }
  }

  static Node read(String text) {
    List<String> tokens = tokens(text);
    int[] at = {0};
    return new Node(List.of(), body(tokens, at, false), true);
  }

  private static List<Node> body(List<String> tokens, int[] at, boolean nested) {
    List<Node> nodes = new ArrayList<>();
    List<String> current = new ArrayList<>();
    while (at[0] < tokens.size()) {
      String token = tokens.get(at[0]++);
      switch (token) {
        case ";" -> {
          nodes.add(new Node(current, List.of(), false));
          current = new ArrayList<>();
        }
        case "{" -> {
          List<Node> children = body(tokens, at, true);
          nodes.add(new Node(current, children, true));
          current = new ArrayList<>();
        }
        case "}" -> {
          if (!nested) {
            throw new IllegalArgumentException("dhcpd.conf: '}' without a block");
          }
          if (!current.isEmpty()) {
            throw new IllegalArgumentException("dhcpd.conf: statement without ';': " + current);
          }
          return nodes;
        }
        default -> current.add(token);
      }
    }
    if (nested || !current.isEmpty()) {
      throw new IllegalArgumentException("dhcpd.conf: unterminated block or statement");
    }
    return nodes;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 0x80 && Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        StringBuilder value = new StringBuilder().append(STRING);
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("dhcpd.conf: eof in string constant");
          }
          char s = text.charAt(i++);
          if (s == '"') {
            break;
          }
          if (s != '\\') {
            value.append(s);
            continue;
          }
          char e = text.charAt(i++);
          switch (e) {
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'n' -> value.append('\n');
            case 'b' -> value.append('\b');
            case '0', '1', '2', '3' -> {
              value.append((char) Integer.parseInt(text.substring(i - 1, i + 2), 8));
              i += 2;
            }
            case 'x' -> {
              value.append((char) Integer.parseInt(text.substring(i, i + 2), 16));
              i += 2;
            }
            default -> value.append(e);
          }
        }
        tokens.add(value.toString());
      } else if (isWordChar(c)) {
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
