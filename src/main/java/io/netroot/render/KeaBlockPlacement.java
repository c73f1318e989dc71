package io.netroot.render;

/**
 * Where netroot's block goes in a {@code kea-dhcp4.conf} that has none yet: at the start of the
 * {@code Dhcp4} map, right after its opening brace, so the block's members (each followed by a
 * comma) come before the admin's. A missing or empty file becomes a small configuration holding the
 * block and an empty {@code interfaces-config}, which Kea's own default is: the admin names the
 * interfaces.
 *
 * <p>The map is found by reading the file as Kea's parser does: {@code #}, {@code //} and {@code /*
 * *}{@code /} comments, strings with their escapes and {@code <?include "…"?>} directives are
 * skipped, and only a {@code "Dhcp4"} key of the top-level object counts. A file without one is
 * refused: netroot does not guess where a JSON member would go.
 */
public final class KeaBlockPlacement implements BlockPlacement {

  /** What a missing or empty file becomes; {@code BLOCK} is replaced by the wrapped block. */
  static final String NEW_FILE =
      "{\n"
          + "\"Dhcp4\": {\n"
          + "BLOCK"
          + "# Kea listens on no interface until you name them here (\"*\" for all).\n"
          + "\"interfaces-config\": { \"interfaces\": [ ] }\n"
          + "}\n"
          + "}\n";

  public static final KeaBlockPlacement INSTANCE = new KeaBlockPlacement();

  private KeaBlockPlacement() {}

  @Override
  public String insert(String fileTextOrNull, String wrappedBlock) {
    if (fileTextOrNull == null || fileTextOrNull.isBlank()) {
      return NEW_FILE.replace("BLOCK", wrappedBlock);
    }
    int brace = dhcp4MapStart(fileTextOrNull);
    if (brace < 0) {
      throw new MalformedBlockException(
          "it has no \"Dhcp4\" map in its top-level object to put netroot's block in; add the"
              + " block's markers inside that map yourself (# BEGIN netroot and # END netroot, each"
              + " on a line of its own), or fix the file");
    }
    int lineEnd = fileTextOrNull.indexOf('\n', brace);
    String rest =
        fileTextOrNull.substring(brace + 1, lineEnd < 0 ? fileTextOrNull.length() : lineEnd);
    if (lineEnd >= 0 && rest.isBlank()) {
      // the brace ends its line: the block takes the lines after it
      return fileTextOrNull.substring(0, lineEnd + 1)
          + wrappedBlock
          + fileTextOrNull.substring(lineEnd + 1);
    }
    return fileTextOrNull.substring(0, brace + 1)
        + "\n"
        + wrappedBlock
        + fileTextOrNull.substring(brace + 1);
  }

  /**
   * The offset of the {@code {} opening the value of the top-level {@code "Dhcp4"} key, or -1.
   * Nesting is counted over objects and arrays; what is not structure (comments, strings, include
   * directives) is skipped.
   */
  static int dhcp4MapStart(String text) {
    int depth = 0;
    boolean afterDhcp4Key = false;
    boolean expectValue = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '#' || text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (text.startsWith("<?include", i)) {
        int end = text.indexOf("?>", i);
        i = end < 0 ? n : end + 2;
      } else if (c == '"') {
        int end = stringEnd(text, i);
        // a key of the top-level object, not a value
        afterDhcp4Key = depth == 1 && !expectValue && text.substring(i + 1, end).equals("Dhcp4");
        expectValue = false;
        i = end + 1;
      } else if (c == ':') {
        expectValue = true;
        i++;
      } else if (c == '{' || c == '[') {
        if (afterDhcp4Key && expectValue && c == '{' && depth == 1) {
          return i;
        }
        afterDhcp4Key = false;
        expectValue = false;
        depth++;
        i++;
      } else if (c == '}' || c == ']') {
        afterDhcp4Key = false;
        expectValue = false;
        depth--;
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          // a number, true, false, null or a comma: whatever "Dhcp4" named, it was not a map
          afterDhcp4Key = false;
          expectValue = false;
        }
        i++;
      }
    }
    return -1;
  }

  /** The offset of the quote closing the string that starts at {@code start}, or the text's end. */
  private static int stringEnd(String text, int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
