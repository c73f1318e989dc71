package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount points of this process's mount namespace, from {@code /proc/self/mountinfo}. A bind
 * mount of a directory of the same filesystem has the same device number as its parent, so only
 * this list tells it apart: what a build left bound into its tree (the package cache) must be
 * unmounted before the tree is removed, or the removal would empty what is bound there.
 */
public final class Mounts {

  private Mounts() {}

  /**
   * The mount points at or below {@code dir} (absolute, as the kernel writes them), deepest last.
   */
  public static List<Path> atOrBelow(Path dir) {
    Path top = dir.toAbsolutePath().normalize();
    List<Path> found = new ArrayList<>();
    for (Path point : all()) {
      if (point.startsWith(top)) {
        found.add(point);
      }
    }
    found.sort((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    return found;
  }

  static List<Path> all() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
    } catch (IOException e) {
      throw new NetrootException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
    List<Path> points = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length > 4) {
        points.add(Path.of(unescape(fields[4])));
      }
    }
    return points;
  }

  /** mountinfo writes space, tab, newline and backslash in a path as {@code \ooo}. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
