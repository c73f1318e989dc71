package io.netroot.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files outside a root image that an escape would change: every entry under a directory with its
 * type, mode, owner and bytes, to compare before and after. A new file shows as a new entry.
 */
public final class VictimDir {

  private VictimDir() {}

  /** Every entry under {@code dir}, links not followed. */
  public static Map<String, String> snapshot(Path dir) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        Map<String, Object> a =
            Files.readAttributes(p, "unix:mode,uid,gid,rdev", LinkOption.NOFOLLOW_LINKS);
        String what =
            "mode %o uid %s gid %s rdev %s"
                .formatted(a.get("mode"), a.get("uid"), a.get("gid"), a.get("rdev"));
        if (Files.isSymbolicLink(p)) {
          what += " -> " + Files.readSymbolicLink(p);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          what += " " + HexFormat.of().formatHex(Files.readAllBytes(p));
        }
        entries.put(dir.relativize(p).toString(), what);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
