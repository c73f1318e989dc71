package io.netroot.render;

import io.netroot.spec.Export;

/**
 * What an NFS-Ganesha configuration value can hold ({@code src/config_parsing/conf_lex.l}): the
 * lexer reads {@code ;}, {@code ,}, {@code =}, braces and {@code #} as syntax outside a quoted
 * string, and Ganesha wants clients and numbers unquoted.
 */
final class GaneshaValues {

  static final String FILE = "ganesha.conf";

  /** The smallest and largest {@code Anonymous_Uid} Ganesha takes (INT32_MIN to UINT32_MAX). */
  static final long MIN_ANONYMOUS_ID = Integer.MIN_VALUE;

  static final long MAX_ANONYMOUS_ID = 0xffffffffL;

  private static final SafeText.Rule STRING =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(c, "has no place in a Ganesha string");
        }
        return switch (c) {
          case '"' ->
              "a double quote would end the string, and Ganesha would read what follows"
                  + " as configuration";
          case '\\' -> "a backslash would escape the character after it";
          case ';', '{', '}' -> "'" + c + "' is Ganesha syntax; it is refused even inside quotes";
          default -> null;
        };
      };

  private static final SafeText.Rule CLIENT =
      c -> {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          return null;
        }
        if (".:/_-*?[]!@".indexOf(c) >= 0) {
          return null;
        }
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(c, "would split the client list");
        }
        return "'"
            + c
            + "' ("
            + SafeText.codePoint(c)
            + ") is not part of an address, network, host name, netgroup or wildcard, and"
            + " Ganesha reads clients unquoted, where it could be syntax";
      };

  private GaneshaValues() {}

  /** A value for a double-quoted string: {@code Path}, {@code Pseudo}. */
  static String string(Export export, String field, String value) {
    SafeText.nonEmpty(export, field, value, FILE, "is not a path");
    return SafeText.check(export, field, value, FILE, STRING);
  }

  /**
   * Checks the client as the spec wrote it, and returns it as Ganesha will read it ({@code
   * written}, the netmask turned into a prefix length).
   */
  static String client(Export export, String field, String match, String written) {
    SafeText.nonEmpty(export, field, match, FILE, "would leave Clients without a client");
    SafeText.check(export, field, match, FILE, CLIENT);
    if (written.endsWith("/0")) {
      throw UnsafeValueException.refuse(
          export,
          field,
          match,
          FILE,
          "Ganesha 4 does not read a /0 prefix; write * for every client");
    }
    return written;
  }

  /**
   * The number of an {@code anonuid=} or {@code anongid=} option, in decimal. exports(5) reads it
   * in decimal whatever its leading zeros; Ganesha would read {@code 0…} as octal, so it is written
   * again without them.
   */
  static String anonymousId(Export export, String field, String option) {
    String number = option.substring(option.indexOf('=') + 1);
    boolean negative = number.startsWith("-");
    String digits = negative ? number.substring(1) : number;
    boolean decimal = !digits.isEmpty() && digits.length() <= 10;
    for (int i = 0; decimal && i < digits.length(); i++) {
      decimal = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
    }
    long value = decimal ? Long.parseLong(digits) * (negative ? -1 : 1) : 0;
    if (!decimal || value < MIN_ANONYMOUS_ID || value > MAX_ANONYMOUS_ID) {
      throw UnsafeValueException.refuse(
          export,
          field,
          option,
          FILE,
          "Ganesha takes a decimal number from "
              + MIN_ANONYMOUS_ID
              + " to "
              + MAX_ANONYMOUS_ID
              + " here, written bare");
    }
    return Long.toString(value);
  }
}
