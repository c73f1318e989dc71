package io.netroot.catalog;

import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution's identity from {@code /etc/os-release} (or {@code /usr/lib/os-release}), read
 * under the root being managed, as os-release(5) defines it: shell-style {@code KEY=value} lines.
 *
 * @param fields every key with its unquoted value
 * @param file the file read, or {@code null} when there was none
 */
record OsRelease(Map<String, String> fields, String file) {

  static OsRelease read(RootFs root) {
    for (String candidate : List.of("/etc/os-release", "/usr/lib/os-release")) {
      Path path = root.resolve(candidate);
      try {
        return new OsRelease(parse(Files.readAllLines(path)), candidate);
      } catch (IOException e) {
        // try the next location; os-release(5) names both
      }
    }
    return new OsRelease(Map.of(), null);
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> fields = new HashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      int eq = trimmed.indexOf('=');
      if (trimmed.startsWith("#") || eq <= 0) {
        continue;
      }
      String value = trimmed.substring(eq + 1);
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      fields.put(trimmed.substring(0, eq), value);
    }
    return fields;
  }

  /** {@code ID} first, then each word of {@code ID_LIKE}, lowercase. */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    if (fields.containsKey("ID")) {
      ids.add(fields.get("ID").toLowerCase(Locale.ROOT));
    }
    for (String like : fields.getOrDefault("ID_LIKE", "").split("\\s+")) {
      if (!like.isBlank()) {
        ids.add(like.toLowerCase(Locale.ROOT));
      }
    }
    return ids;
  }

  /** The same release, labelled as read from this machine rather than the managed root. */
  OsRelease fromThisMachine() {
    return file == null ? this : new OsRelease(fields, "this machine's " + file);
  }

  String prettyName() {
    return fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("ID", "unknown"));
  }
}
