package io.netroot.os;

import java.nio.file.Path;

/**
 * The filesystem netroot manages: {@code /} on a real boot server, or a directory standing in for
 * it ({@code --root DIR}), where every managed path is resolved inside DIR and services are not
 * touched.
 *
 * @param dir the directory that plays the role of {@code /}
 */
public record RootFs(Path dir) {

  public RootFs {
    dir = dir.toAbsolutePath().normalize();
  }

  /** The real root of this machine. */
  public static RootFs system() {
    return new RootFs(Path.of("/"));
  }

  /** True when this is a root prefix rather than the machine's own {@code /}. */
  public boolean isPrefix() {
    return !dir.equals(Path.of("/"));
  }

  /**
   * The real location of a server path: {@code /etc/exports} becomes {@code DIR/etc/exports}.
   *
   * @param serverPath an absolute path as the boot server sees it
   */
  public Path resolve(String serverPath) {
    String relative = serverPath.startsWith("/") ? serverPath.substring(1) : serverPath;
    return relative.isEmpty() ? dir : dir.resolve(relative);
  }

  /** The server path of a real location inside this root, with a leading slash. */
  public String serverPath(Path real) {
    String path = real.toString();
    if (real.isAbsolute() && !path.contains("/.")) {
      // already normal (no . or .. segment): a string prefix, without the Path arithmetic
      String top = dir.toString();
      if (top.equals("/")) {
        return path;
      }
      if (path.startsWith(top)
          && path.length() > top.length()
          && path.charAt(top.length()) == '/') {
        return path.substring(top.length());
      }
    }
    return "/" + dir.relativize(real.toAbsolutePath().normalize()).toString();
  }
}
