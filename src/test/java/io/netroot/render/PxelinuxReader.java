package io.netroot.render;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pxelinux configuration the way syslinux 6 does ({@code com32/elflink/ldlinux/
 * readconfig.c}, {@code parse_config_file}): {@code fgets} into a 4096-byte buffer, so a longer
 * line is read as two; each line cut at its first NUL, CR and LF; leading blanks skipped (blanks of
 * its ISO 8859-1 {@code ctype} table, which include 0xA0); the first word is the directive, {@code
 * MENU} taking a second one. Written for the tests, to check that rendered files say exactly what
 * the specs say.
 */
final class PxelinuxReader {

  /** What {@code fgets(line, 4096, f)} returns at most. */
  private static final int FGETS_BYTES = 4095;

  private PxelinuxReader() {}

  /**
   * One directive: its keyword in lower case ({@code label}, {@code menu label}) and the rest of
   * its line after the blanks that follow the keyword, decoded from UTF-8 again.
   */
  record Directive(String keyword, String value) {}

  static List<Directive> read(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    List<Directive> directives = new ArrayList<>();
    int i = 0;
    while (i < bytes.length) {
      int end = i;
      while (end < bytes.length && end - i < FGETS_BYTES) {
        if (bytes[end++] == '\n') {
          break;
        }
      }
      String line = new String(bytes, i, end - i, ISO_8859_1);
      i = end;
      line = cut(cut(cut(line, '\0'), '\r'), '\n');
      String p = skipSpace(line);
      if (p.isEmpty() || p.charAt(0) == '#') {
        continue;
      }
      String keyword = firstWord(p);
      String rest = skipSpace(p.substring(keyword.length()));
      keyword = keyword.toLowerCase(Locale.ROOT);
      if (keyword.equals("menu")) {
        String sub = firstWord(rest);
        keyword = "menu " + sub.toLowerCase(Locale.ROOT);
        rest = skipSpace(rest.substring(sub.length()));
      }
      directives.add(new Directive(keyword, new String(rest.getBytes(ISO_8859_1), UTF_8)));
    }
    return directives;
  }

  /**
   * Splits a kernel command line into its arguments as Linux does ({@code lib/cmdline.c}, {@code
   * next_arg}): blanks separate arguments, except between double quotes, which stay in the text.
   */
  static List<String> kernelArguments(String line) {
    List<String> args = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < line.length() && isSpace(line.charAt(i))) {
        i++;
      }
      if (i >= line.length()) {
        return args;
      }
      int start = i;
      boolean quoted = false;
      while (i < line.length() && (quoted || !isSpace(line.charAt(i)))) {
        if (line.charAt(i) == '"') {
          quoted = !quoted;
        }
        i++;
      }
      args.add(line.substring(start, i));
    }
  }

  /** syslinux's {@code isspace}: BS to CR, the space, and NBSP of ISO 8859-1. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= 0x08 && c <= 0x0d) || c == 0xa0;
  }

  private static String cut(String line, char at) {
    int i = line.indexOf(at);
    return i < 0 ? line : line.substring(0, i);
  }

  private static String skipSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && !isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}
