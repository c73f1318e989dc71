package io.netroot.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammars of a profile's {@code kernelArgs} and {@code nfsOptions}: the items of the kernel
 * command line that pxelinux's {@code APPEND} line carries, and the mount options after {@code
 * nfsroot=SERVER:PATH,} (also written into the image's fstab). One argument per list item, in
 * printable ASCII: a space would split it, a newline would end the {@code APPEND} line and start a
 * pxelinux directive, and a comma inside an NFS option would join options behind the spec's back.
 */
final class BootArguments {

  /** A serial speed such as {@code 115200} or {@code 115200n8}. */
  private static final Pattern CONSOLE_SPEED = Pattern.compile("\\d{3,7}([noe][5-8])?");

  /** {@code tcp}, {@code vers=3}, {@code sec=krb5:krb5i}: nfs(5) options. */
  private static final Pattern NFS_OPTION = Pattern.compile("[A-Za-z0-9_]+(=[A-Za-z0-9_.:/@+-]+)?");

  private BootArguments() {}

  /** Kernel command-line arguments, each checked and in list order. */
  static List<String> kernelArgs(DocumentContext ctx, List<Scalar> scalars) {
    return check(ctx, scalars, false);
  }

  /** NFS mount options, each checked and in list order. */
  static List<String> nfsOptions(DocumentContext ctx, List<Scalar> scalars) {
    return check(ctx, scalars, true);
  }

  private static List<String> check(DocumentContext ctx, List<Scalar> scalars, boolean nfsOptions) {
    List<String> arguments = new ArrayList<>();
    for (Scalar scalar : scalars) {
      String value = scalar.value();
      String problem = null;
      int control = Grammar.firstRefused(value, c -> !Grammar.isControl(c));
      if (control >= 0) {
        problem =
            "contains "
                + Grammar.describe(control)
                + "; an argument is one line of printable ASCII, one argument per list item";
      } else if (value.isEmpty() || Text.hasWhitespace(value)) {
        problem =
            (value.isEmpty() ? "is empty" : "contains whitespace")
                + "; write exactly one argument per list item";
      } else if (nfsOptions && value.contains(",")) {
        problem =
            "holds several options; write one option per list item, e.g. ["
                + String.join(", ", value.split(","))
                + "]";
      } else if (!nfsOptions && splitConsoleSpeed(arguments, value)) {
        problem =
            "looks like the speed of the console= before it: in a [flow list] YAML splits"
                + " items at every comma; quote the argument: \""
                + arguments.get(arguments.size() - 1)
                + ","
                + value
                + "\"";
      } else {
        problem = nfsOptions ? nfsOptionProblem(value) : kernelArgProblem(value);
      }
      if (problem != null) {
        ctx.error(scalar.node(), scalar.path() + " " + Text.quote(value) + " " + problem);
      } else {
        arguments.add(value);
      }
    }
    return arguments;
  }

  /**
   * Printable ASCII, and no {@code "}: the kernel reads a double quote as the start of a quoted
   * value that runs to the next one, across the arguments after it.
   */
  static String kernelArgProblem(String value) {
    int refused = Grammar.firstRefused(value, c -> c > ' ' && c < 0x7f && c != '"');
    return refused < 0
        ? null
        : "contains "
            + Grammar.describe(refused)
            + "; a kernel argument is printable ASCII without spaces or double quotes";
  }

  static String nfsOptionProblem(String value) {
    if (NFS_OPTION.matcher(value).matches()) {
      return null;
    }
    int refused =
        Grammar.firstRefused(value, c -> Grammar.isAsciiAlnum(c) || "_=.:/@+-".indexOf(c) >= 0);
    return (refused >= 0 ? "contains " + Grammar.describe(refused) : "is not an NFS mount option")
        + "; an NFS option is WORD or WORD=VALUE (letters, digits and _; the value also . : / @"
        + " + -), such as tcp or vers=3";
  }

  /**
   * {@code [console=ttyS0,115200]} is two YAML items, {@code console=ttyS0} and {@code 115200}: the
   * kernel would get a bare number and a console at the default speed.
   */
  private static boolean splitConsoleSpeed(List<String> previous, String value) {
    if (previous.isEmpty() || !CONSOLE_SPEED.matcher(value).matches()) {
      return false;
    }
    String before = previous.get(previous.size() - 1);
    return before.startsWith("console=") && !before.contains(",");
  }
}
