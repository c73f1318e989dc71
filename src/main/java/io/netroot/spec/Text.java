package io.netroot.spec;

import java.util.Collection;
import java.util.stream.Collectors;

/** Small text helpers for messages: every error must stay on one readable line. */
final class Text {

  private static final int MAX_QUOTED = 80;

  private Text() {}

  /** Quotes a user value for a message, escaping control characters and cutting long values. */
  static String quote(String value) {
    String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value;
    return "\"" + oneLine(shown) + "\"";
  }

  /** Replaces line breaks and other control characters so a message prints as a single line. */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Joins names for a "known ones are" hint, cut short when there are many. */
  static String list(Collection<String> names, int limit) {
    String shown = names.stream().limit(limit).collect(Collectors.joining(", "));
    return names.size() > limit ? shown + ", … (" + names.size() + " in all)" : shown;
  }

  static boolean hasWhitespace(String value) {
    return value.chars().anyMatch(Character::isWhitespace);
  }
}
