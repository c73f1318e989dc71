package io.netroot.render;

import io.netroot.spec.SpecDocument;

/**
 * What a GRUB configuration word can hold. GRUB's script lexer reads {@code '…'} as one word with
 * nothing expanded, no escape and no separator inside; a single quote is written {@code '\''} (end
 * the quote, an escaped quote, start again). Every spec value is written that way. Line breaks and
 * control characters are refused all the same: inside quotes GRUB would keep them, but they would
 * reach a menu title or the kernel's command line, and end a comment.
 */
final class GrubValues {

  static final String FILE = "grub.cfg";

  private static final SafeText.Rule TEXT =
      c ->
          SafeText.isLineBreakOrControl(c)
              ? SafeText.lineBreakOrControl(c, "would end the line in GRUB's configuration")
              : null;

  private static final SafeText.Rule WORD =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(c, "would end the line in GRUB's configuration");
        }
        return SafeText.isVisibleAscii(c) ? null : "GRUB menu ids are ASCII words without blanks";
      };

  /**
   * GRUB's {@code linux} command writes each of these with a backslash before it when it makes the
   * kernel's command line ({@code grub_create_loader_cmdline}); the kernel does not take the
   * backslash away, so the argument would not be the one pxelinux passes.
   */
  private static final SafeText.Rule ARGUMENT =
      c ->
          c == '\\' || c == '\''
              ? "GRUB's linux command would write a backslash before it, so the kernel would read"
                  + " another argument than the one pxelinux passes"
              : null;

  private GrubValues() {}

  /** {@code value} as one single-quoted GRUB word. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** A menu title: any text on one line. */
  static String text(SpecDocument document, String field, String value) {
    return quote(SafeText.check(document, field, value, FILE, TEXT));
  }

  /** A menu id: one ASCII word. */
  static String word(SpecDocument document, String field, String value) {
    SafeText.nonEmpty(document, field, value, FILE, "would leave the menu without an id");
    return quote(SafeText.check(document, field, value, FILE, WORD));
  }

  /** A file on the TFTP server, from its root. */
  static String path(SpecDocument document, String field, String value) {
    return quote(SafeText.check(document, field, value, FILE, TEXT));
  }

  /**
   * One argument of the kernel command line, already checked as one by {@link KernelCommandLine}.
   */
  static String argument(SpecDocument document, String field, String value) {
    SafeText.check(document, field, value, FILE, TEXT);
    return quote(SafeText.check(document, field, value, FILE, ARGUMENT));
  }

  /** Text in a comment: the rest of its line. */
  static String comment(SpecDocument document, String field, String value) {
    return SafeText.check(document, field, value, FILE, TEXT);
  }
}
