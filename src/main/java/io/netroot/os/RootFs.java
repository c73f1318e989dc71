package io.netroot.os;

import java.nio.file.Path;

/**
 * The filesystem netroot manages: {@code /} on a real boot server, or a directory standing in for
 * it ({@code --root DIR}), where every managed path is resolved inside DIR and services are not
 * touched.
 *
 * @param dir the directory that plays the role of {@code /}
 * @param batch the batch whole-file writes are staged in, or {@code null} to write each at once
 */
public record RootFs(Path dir, FileBatch batch) {

  public RootFs {
    dir = dir.toAbsolutePath().normalize();
  }

  public RootFs(Path dir) {
    this(dir, null);
  }

  /** The same root, with whole-file writes staged in {@code batch} until it is committed. */
  public RootFs writingTo(FileBatch batch) {
    return new RootFs(dir, batch);
  }

  /**
   * Replaces the file at a server path atomically: at once, or when the batch is committed.
   *
   * @param mode the new file's permissions, or {@code null} to keep the old file's (or 0644)
   */
  public void writeFile(
      String serverPath,
      byte[] content,
      java.util.Set<java.nio.file.attribute.PosixFilePermission> mode) {
    Path target = resolve(serverPath);
    if (batch == null) {
      AtomicFile.write(target, content, mode);
    } else {
      batch.stage(target, content, mode);
    }
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
