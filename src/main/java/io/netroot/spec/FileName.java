package io.netroot.spec;

import java.util.regex.Pattern;

/**
 * The grammar of a file name that netroot places in the TFTP root: a bootloader module ({@code
 * bootloader.modules}) and the last component of a kernel's image and initrd, which become {@code
 * images/KERNEL/NAME} and are written into pxelinux's {@code KERNEL} and {@code INITRD} lines. One
 * name, so no {@code /} and no {@code ..}; no whitespace or control character, which would end the
 * pxelinux line or split it; no leading {@code .} or {@code -}.
 */
final class FileName {

  /** Linux's {@code NAME_MAX}. */
  static final int MAX_LENGTH = 255;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  static final Grammar GRAMMAR = FileName::problem;

  private FileName() {}

  static String problem(String value) {
    if (value.isEmpty()) {
      return "is empty; give a file name such as menu.c32";
    }
    if (value.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (!NAME.matcher(value).matches() || value.contains("..")) {
      int refused =
          Grammar.firstRefused(value, c -> Grammar.isAsciiAlnum(c) || "._+-".indexOf(c) >= 0);
      return (refused >= 0 ? "contains " + Grammar.describe(refused) : "is not a plain file name")
          + "; a file name here is letters, digits and . _ + -, starting with a letter or digit,"
          + " without .. (such as menu.c32 or vmlinuz-6.1.0-18-amd64)";
    }
    return null;
  }
}
