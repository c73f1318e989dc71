package io.netroot.spec;

/**
 * The grammar of the text shown in the PXE menu ({@code Profile.menuLabel}, {@code pxe.title}).
 * pxelinux reads the rest of the line after {@code MENU LABEL} or {@code MENU TITLE} and has no
 * escape of any kind, so a newline or carriage return would start a directive of the spec author's
 * choosing ({@code KERNEL}, {@code APPEND}); every other control character (tab, NUL, U+2028…) is
 * refused with them. Only printable ASCII is allowed: menu.c32 draws in the PC's code page, where
 * UTF-8 shows as garbage. Everything printable is safe there, including {@code #} (a comment only
 * at the start of a line) and {@code ^} (marks the entry's hotkey). At most {@link #MAX_LENGTH}
 * characters: the width of the menu.
 */
final class MenuText {

  static final int MAX_LENGTH = 80;

  static final Grammar GRAMMAR = MenuText::problem;

  private MenuText() {}

  static String problem(String value) {
    if (value.isBlank()) {
      return "is blank; give the text to show in the PXE menu";
    }
    int refused = Grammar.firstRefused(value, c -> c >= ' ' && c < 0x7f);
    if (refused >= 0) {
      return "contains "
          + Grammar.describe(refused)
          + "; menu text is one line of printable ASCII (pxelinux has no escapes, and shows only"
          + " ASCII)";
    }
    if (value.length() > MAX_LENGTH) {
      return "is "
          + value.length()
          + " characters long; menu text is at most "
          + MAX_LENGTH
          + " (the width of the menu)";
    }
    return null;
  }
}
