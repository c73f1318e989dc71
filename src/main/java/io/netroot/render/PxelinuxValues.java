package io.netroot.render;

import io.netroot.spec.SpecDocument;

/**
 * What a pxelinux configuration line can hold. pxelinux (syslinux 6, {@code readconfig.c}) has no
 * quoting and no escapes: it reads a file line by line with {@code fgets} into a 4096-byte buffer,
 * cuts each line at its first CR or LF, skips leading blanks, and takes a directive's value either
 * as the rest of the line ({@code MENU LABEL}, {@code MENU TITLE}) or as its first word ({@code
 * LABEL}; {@code DEFAULT}, {@code KERNEL} and {@code INITRD} become part of a command line that is
 * split at blanks). A value that does not fit is refused, never altered.
 */
final class PxelinuxValues {

  static final String FILE = "pxelinux.cfg";

  /**
   * The longest line pxelinux reads whole: {@code fgets} into 4096 bytes keeps 4095, one of them
   * the line feed. A longer line is cut there and its rest read as a line of its own.
   */
  static final int MAX_LINE_BYTES = 4094;

  private static final String NEW_DIRECTIVE =
      "would end the line, and pxelinux would read what follows as a new directive";

  private static final SafeText.Rule TEXT =
      c -> SafeText.isLineBreakOrControl(c) ? SafeText.lineBreakOrControl(c, NEW_DIRECTIVE) : null;

  private static final SafeText.Rule WORD =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(c, NEW_DIRECTIVE);
        }
        if (c == ' ') {
          return "a space would split it: pxelinux reads a word up to the first blank";
        }
        if (c >= 0x7f) {
          return "a character outside ASCII ("
              + SafeText.codePoint(c)
              + ") could split it: pxelinux reads bytes as ISO 8859-1, where the byte 0xA0 of"
              + " some UTF-8 characters is a blank";
        }
        return null;
      };

  private PxelinuxValues() {}

  /** Text that runs to the end of its line: a menu label or title, a comment. */
  static String text(SpecDocument document, String field, String value) {
    SafeText.check(document, field, value, FILE, TEXT);
    if (!value.isEmpty() && value.charAt(0) == ' ') {
      throw UnsafeValueException.refuse(
          document,
          field,
          value,
          FILE,
          "pxelinux skips the blanks a value starts with, so it would read another text");
    }
    return value;
  }

  /** One word of a line: a label, a file name. */
  static String word(SpecDocument document, String field, String value) {
    SafeText.nonEmpty(document, field, value, FILE, "would leave the directive without its word");
    return SafeText.check(document, field, value, FILE, WORD);
  }

  /**
   * One argument of the kernel command line. Besides what splits a word, a double quote is refused:
   * the kernel reads a quoted stretch as one argument, so an unmatched quote would swallow the
   * arguments after it.
   */
  static String argument(SpecDocument document, String field, String value) {
    return item(document, field, value, "", "");
  }

  /**
   * An argument, or an item of a list inside one, that must also not hold any of {@code
   * separators}, for the reason {@code effect} gives ("a comma ends the path in nfsroot= and starts
   * its mount options").
   */
  static String item(
      SpecDocument document, String field, String value, String separators, String effect) {
    word(document, field, value);
    return SafeText.check(
        document,
        field,
        value,
        FILE,
        c -> {
          if (c == '"') {
            return "a double quote would make the kernel read the arguments after it as part of"
                + " this one";
          }
          return separators.indexOf(c) >= 0 ? "'" + c + "' " + effect : null;
        });
  }

  /**
   * Checks the line that runs from {@code start} to the end of {@code out} against pxelinux's line
   * buffer, then ends it. {@code field} and {@code value} name what made the line long.
   */
  static void endLine(
      StringBuilder out, int start, SpecDocument document, String field, String value) {
    int bytes = SafeText.utf8Length(out, start, out.length());
    if (bytes > MAX_LINE_BYTES) {
      throw UnsafeValueException.refuse(
          document,
          field,
          value,
          FILE,
          "its line would be "
              + bytes
              + " bytes long; pxelinux reads "
              + MAX_LINE_BYTES
              + " bytes of a line and would read the rest as a new directive");
    }
    out.append('\n');
  }
}
