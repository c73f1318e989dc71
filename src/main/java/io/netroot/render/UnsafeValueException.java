package io.netroot.render;

import io.netroot.NetrootException;
import io.netroot.spec.Position;
import io.netroot.spec.SpecDocument;

/**
 * A spec value that a renderer cannot write into its file as plain data: a line break that would
 * start a new directive, a space that would split an argument, a character the file's reader takes
 * as syntax and that the format has no way to escape. The renderer refuses the value rather than
 * change it; nothing is written.
 *
 * <p>The message names where the value was written, the document, the field and the value itself,
 * with control characters shown as escapes so that it stays on one line: {@code profiles.yaml:7:14:
 * Profile "rescue": spec.menuLabel "x\nLABEL evil" cannot be written into pxelinux.cfg: a line
 * break would start a new pxelinux directive}.
 */
public final class UnsafeValueException extends NetrootException {

  private static final int MAX_SHOWN = 80;

  private UnsafeValueException(String message) {
    super(message);
  }

  /**
   * @param document the spec document the value comes from
   * @param field the dotted path of the value in the document, as {@code Origin} records it
   * @param value the refused value
   * @param file the kind of file it was to go into ({@code pxelinux.cfg}, {@code /etc/exports})
   * @param why what the value would do there
   */
  static UnsafeValueException refuse(
      SpecDocument document, String field, String value, String file, String why) {
    Position at = document.origin() == null ? null : document.origin().at(field);
    String subject = document.kind() + " " + quote(document.name());
    return new UnsafeValueException(
        (at == null ? "" : at + ": ")
            + subject
            + ": "
            + field
            + " "
            + quote(value)
            + " cannot be written into "
            + file
            + ": "
            + why);
  }

  /** A value in double quotes, line breaks and other control characters shown as escapes. */
  static String quote(String value) {
    if (value == null) {
      return "(none)";
    }
    String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        default -> {
          if (SafeText.isLineBreakOrControl(c) || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
