package io.netroot.render;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;

/**
 * The netroot block of {@code /etc/exports}: one exports(5) line per export, in spec order, {@code
 * PATH CLIENT(OPTIONS) CLIENT(OPTIONS)…}.
 *
 * <p>A client without options is written bare, without parentheses: exportfs then applies its
 * defaults ({@code ro,sync,wdelay,root_squash,no_subtree_check,secure}) and warns that no options
 * were given. It is never written as {@code CLIENT ()} or {@code CLIENT()}: exports(5) reads a
 * space before {@code (} as options for the whole world.
 *
 * <p>A path containing a space is enclosed in double quotes, as exports(5) allows; characters
 * exportfs cannot read literally ({@code "}, {@code #}, tabs, line breaks and other control
 * characters) are written as a backslash and three octal digits, the escape exportfs itself writes
 * and decodes. A backslash in a path is refused: exportfs decodes an escape again when a decoded
 * backslash is followed by three octal digits, so no spelling of it reads back as itself.
 *
 * <p>Clients and options have no escape: a character exportfs reads as syntax there (a blank,
 * {@code (}, {@code )}, {@code ,}, {@code #}, a quote, a backslash, which starts an octal escape
 * exportfs decodes inside a client too) is refused with an {@link UnsafeValueException}, and so is
 * a client starting with {@code -}, which exports(5) reads as default options for the line.
 */
public final class ExportsRenderer {

  static final String FILE = "/etc/exports";

  private static final SafeText.Rule PATH =
      c ->
          c == '\\'
              ? "exportfs decodes a backslash followed by three octal digits as an escape, even"
                  + " one it has just decoded, so a backslash cannot be written so that it reads"
                  + " back as itself"
              : null;

  private static final SafeText.Rule TOKEN =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(
              c, "would end the export line or split its client list");
        }
        if (c == ' ') {
          return "a space would end the client and start another one";
        }
        if (c >= 0x7f) {
          return "a character outside ASCII (" + SafeText.codePoint(c) + ") is not a host name";
        }
        return switch (c) {
          case '(', ')', ',' ->
              "'" + c + "' is exports(5) syntax: it would end the option list" + " or add options";
          case '#' -> "'#' would start a comment and drop the rest of the line";
          case '"', '\'' -> "a quote would join what follows into this token";
          case '\\' ->
              "exportfs decodes a backslash and three octal digits into any character,"
                  + " '(' and ',' included";
          default -> null;
        };
      };

  private final SpecSet specs;

  public ExportsRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * The lines inside the managed block of {@code /etc/exports}, each ending with {@code \n}.
   *
   * @throws UnsafeValueException when a path, client or option cannot be written as data
   */
  public String blockBody() {
    StringBuilder out = new StringBuilder(96 * specs.exports().size());
    for (Export export : specs.exports()) {
      SafeText.nonEmpty(
          export, "spec.path", export.path(), FILE, "would make the first client the path");
      appendPath(out, SafeText.check(export, "spec.path", export.path(), FILE, PATH));
      List<Export.Client> clients = export.clients();
      for (int i = 0; i < clients.size(); i++) {
        Export.Client client = clients.get(i);
        String field = "spec.clients." + i;
        out.append(' ').append(client(export, field + ".match", client.match()));
        List<String> options = client.options();
        if (!options.isEmpty()) {
          out.append('(');
          for (int j = 0; j < options.size(); j++) {
            out.append(j == 0 ? "" : ",")
                .append(token(export, field + ".options." + j, options.get(j), "option"));
          }
          out.append(')');
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String client(Export export, String field, String match) {
    token(export, field, match, "client");
    if (match.charAt(0) == '-') {
      throw UnsafeValueException.refuse(
          export,
          field,
          match,
          FILE,
          "exports(5) reads a word starting with '-' after the path as default options for every"
              + " client of the line");
    }
    return match;
  }

  private static String token(Export export, String field, String value, String what) {
    SafeText.nonEmpty(export, field, value, FILE, "would leave an empty " + what);
    return SafeText.check(export, field, value, FILE, TOKEN);
  }

  static void appendPath(StringBuilder out, String path) {
    boolean quote = path.indexOf(' ') >= 0;
    if (quote) {
      out.append('"');
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '"' || c == '\\' || c == '#' || c < 0x20 || c == 0x7f) {
        out.append('\\')
            .append((char) ('0' + ((c >> 6) & 7)))
            .append((char) ('0' + ((c >> 3) & 7)))
            .append((char) ('0' + (c & 7)));
      } else {
        out.append(c);
      }
    }
    if (quote) {
      out.append('"');
    }
  }
}
