package io.netroot.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything under a directory, to show that a command left it exactly as it was: each entry's
 * type, mode and bytes (or a link's target), nothing followed.
 */
public final class DirectorySnapshot {

  private DirectorySnapshot() {}

  /**
   * Relative path → "type mode content" for every entry under {@code top}, {@code top} included.
   */
  public static Map<String, String> of(Path top) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : walk.toList()) {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        String mode = Integer.toOctalString((Integer) a.get("mode"));
        String what;
        if (Files.isSymbolicLink(p)) {
          what = "link " + Files.readSymbolicLink(p);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          what = "dir";
        } else {
          what = "file " + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        }
        entries.put(top.relativize(p).toString(), mode + " " + what);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** Sets a mode Java cannot express (set-id, sticky) through libc's chmod. */
  public static void chmod(Path path, int mode) {
    LibC.get().chmod(path.toString(), mode);
  }

  /** The permission and special bits of what is at {@code path}, not following a link. */
  public static int mode(Path path) {
    try {
      return (Integer)
              Files.readAttributes(path, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode")
          & 07777;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
