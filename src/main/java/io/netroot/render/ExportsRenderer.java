package io.netroot.render;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;

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
 * exportfs cannot read literally ({@code "}, {@code \}, {@code #}, tabs and other control
 * characters) are written as a backslash and three octal digits, the escape exportfs itself writes.
 */
public final class ExportsRenderer {

  private final SpecSet specs;

  public ExportsRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /** The lines inside the managed block of {@code /etc/exports}, each ending with {@code \n}. */
  public String blockBody() {
    StringBuilder out = new StringBuilder(96 * specs.exports().size());
    for (Export export : specs.exports()) {
      appendPath(out, export.path());
      for (Export.Client client : export.clients()) {
        out.append(' ').append(client.match());
        if (!client.options().isEmpty()) {
          out.append('(').append(String.join(",", client.options())).append(')');
        }
      }
      out.append('\n');
    }
    return out.toString();
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
