package io.netroot.render;

import io.netroot.spec.SpecDocument;

/**
 * Checks a spec value, character by character, against what one file format can hold as data, and
 * refuses it with the reason for the first character that does not fit. The renderers check every
 * value they write this way whatever the spec layer has checked before, so that neither alone is
 * trusted.
 */
final class SafeText {

  private SafeText() {}

  /** Why one character cannot be written into a format, or {@code null} when it can. */
  @FunctionalInterface
  interface Rule {
    String why(char c);
  }

  /**
   * Line breaks of any kind and other control characters: C0, DEL, C1 (which holds NEL, U+0085) and
   * the Unicode line and paragraph separators.
   */
  static boolean isLineBreakOrControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** Printable ASCII without the space: what a word of a line-oriented config may hold. */
  static boolean isVisibleAscii(char c) {
    return c > ' ' && c < 0x7f;
  }

  /** The usual reason for a character of {@link #isLineBreakOrControl}. */
  static String lineBreakOrControl(char c, String effect) {
    String what =
        c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
            ? "a line break"
            : "a control character";
    return what + " (" + codePoint(c) + ") " + effect;
  }

  /** {@code U+000A}. */
  static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /**
   * Returns {@code value} when every character passes {@code rule}; otherwise throws {@link
   * UnsafeValueException} naming the first character that does not and why. A lone UTF-16 surrogate
   * is refused as well: it cannot be encoded, so it would be written as {@code ?}.
   *
   * @param file the kind of file, for the message ({@code pxelinux.cfg})
   */
  static String check(SpecDocument document, String field, String value, String file, Rule rule) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int at = i;
      String why;
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
        why = rule.why(c);
        if (why == null) {
          why = rule.why(value.charAt(i));
        }
      } else if (Character.isSurrogate(c)) {
        why = "a lone UTF-16 surrogate (" + codePoint(c) + ") cannot be encoded";
      } else {
        why = rule.why(c);
      }
      if (why != null) {
        throw UnsafeValueException.refuse(
            document, field, value, file, why + " (character " + (at + 1) + ")");
      }
    }
    return value;
  }

  /** Throws when {@code value} is empty: an empty word would leave its place in the line blank. */
  static String nonEmpty(
      SpecDocument document, String field, String value, String file, String effect) {
    if (value.isEmpty()) {
      throw UnsafeValueException.refuse(document, field, value, file, "an empty value " + effect);
    }
    return value;
  }

  /** The number of bytes {@code text} takes in UTF-8. */
  static int utf8Length(CharSequence text, int from, int to) {
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
