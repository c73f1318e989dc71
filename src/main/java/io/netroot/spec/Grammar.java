package io.netroot.spec;

/**
 * An allow-list for one kind of spec value. A value that reaches a rendered file, a path or a
 * command passes the grammar of its field before anything runs, so that no value can become a
 * directive, an argument or a path it was not meant to be; the renderers still quote for their
 * format, so that neither check alone is trusted.
 */
@FunctionalInterface
interface Grammar {

  /**
   * Why {@code value} is refused, phrased to follow the quoted value in a message ({@code "contains
   * a newline; …"}), or {@code null} when it is accepted.
   */
  String problem(String value);

  /** Reports a refused value at its position; answers the value, or {@code null} if refused. */
  static String check(DocumentContext ctx, Scalar scalar, Grammar grammar) {
    if (scalar == null) {
      return null;
    }
    String problem = grammar.problem(scalar.value());
    if (problem != null) {
      ctx.error(scalar.node(), scalar.path() + " " + Text.quote(scalar.value()) + " " + problem);
      return null;
    }
    return scalar.value();
  }

  /** How a character is named in a message: {@code a newline}, {@code U+0007}, {@code '$'}. */
  static String describe(int c) {
    return switch (c) {
      case '\n' -> "a newline";
      case '\r' -> "a carriage return";
      case '\t' -> "a tab";
      case ' ' -> "a space";
      case 0 -> "a NUL character";
      default ->
          c > ' ' && c < 0x7f ? "'" + Character.toString(c) + "'" : String.format("U+%04X", c);
    };
  }

  /** The first character of {@code value} that {@code allowed} refuses, or -1. */
  static int firstRefused(String value, java.util.function.IntPredicate allowed) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!allowed.test(c)) {
        return c;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /**
   * A character that is not text: C0 and C1 controls, the Unicode line and paragraph separators
   * (line breaks to some readers), and format characters such as the bidirectional overrides.
   */
  static boolean isControl(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }

  /** ASCII letters and digits only: {@link Character#isLetterOrDigit} also takes other scripts. */
  static boolean isAsciiAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
