package io.netroot.os;

/**
 * The grammar of a server path ({@code /var/lib/tftpboot/pxelinux.cfg/default}) as {@link RootFs}
 * accepts it: absolute, one leading slash, no {@code .} or {@code ..} segment, no NUL. Checked on
 * the text alone, before any file is looked at, so that no value can name a place outside the root
 * prefix: {@code //etc/fstab} would be an absolute path to Java's {@code Path.resolve}, and {@code
 * ..} walks out.
 */
final class ServerPaths {

  private ServerPaths() {}

  /** Why {@code path} is refused, or {@code null} when it is a server path. */
  static String refusal(String path) {
    if (path == null || path.isEmpty()) {
      return "is empty";
    }
    if (path.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    if (path.charAt(0) != '/') {
      return "is not absolute (it must start with /)";
    }
    if (path.length() > 1 && path.charAt(1) == '/') {
      return "starts with //, which would leave the root prefix";
    }
    int start = 1;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if ((length == 1 && path.charAt(start) == '.')
          || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
        return "has a " + path.substring(start, end) + " segment";
      }
      start = end + 1;
    }
    return null;
  }

  /** The path in quotes, with control characters shown as escapes, for a message. */
  static String quote(String path) {
    if (path == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder(path.length() + 2).append('"');
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      switch (c) {
        case '\0' -> out.append("\\0");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '"', '\\' -> out.append('\\').append(c);
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
