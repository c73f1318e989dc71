package io.netroot.os;

import java.util.Optional;

/**
 * A settings file that a shell sources, as Debian's {@code /etc/default/*} files are: lines {@code
 * KEY=value}, the value bare or in single or double quotes, {@code #} lines are comments. Read, not
 * run: the last assignment of a key wins, as it would in the shell.
 */
public final class ShellSettings {

  private ShellSettings() {}

  /** The value of the last {@code KEY=} line of {@code text}, its quotes removed; empty if none. */
  public static Optional<String> value(String text, String key) {
    String found = null;
    for (String line : text.lines().toList()) {
      String l = line.strip();
      if (!l.startsWith(key + "=")) {
        continue;
      }
      String v = l.substring(key.length() + 1).strip();
      if (v.length() >= 2
          && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
        v = v.substring(1, v.length() - 1);
      }
      found = v;
    }
    return Optional.ofNullable(found);
  }
}
