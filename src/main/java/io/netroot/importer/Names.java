package io.netroot.importer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spec names for things read from a server: the name it has when that is a valid spec name (1 to 63
 * letters, digits, {@code .}, {@code _}, {@code -}, starting and ending with a letter or digit),
 * else one made from it, made unique within a kind with a numbered suffix.
 */
final class Names {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");

  private final Set<String> taken = new HashSet<>();

  /** Whether {@code name} is a valid spec name as it is. */
  static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** {@code name} made valid: other characters become {@code -}, then trimmed and cut. */
  static String sanitized(String name) {
    String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-");
    s = s.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("[._-]+$", "");
    }
    return s;
  }

  /** Takes a name out of use: something on the server already has it. */
  void reserve(String name) {
    taken.add(name.toLowerCase(Locale.ROOT));
  }

  /** Whether the name is free in this kind (names compare without case, as dhcpd's do). */
  boolean free(String name) {
    return !taken.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The name to use: {@code wanted} when it is valid and free, else a valid free name made from it,
   * or from {@code fallback} when nothing of it is left.
   *
   * @return the name and, when it is not {@code wanted} as it is, why ({@code null} otherwise)
   */
  Chosen choose(String wanted, String fallback) {
    if (valid(wanted) && free(wanted)) {
      taken.add(wanted.toLowerCase(Locale.ROOT));
      return new Chosen(wanted, null);
    }
    String base = sanitized(wanted);
    String why;
    if (base.isEmpty()) {
      base = fallback;
      why =
          "made up: "
              + (wanted == null ? "it has no name" : "\"" + wanted + "\" is not a spec name");
    } else if (!base.equals(wanted)) {
      why = "\"" + wanted + "\" is not a spec name; made from it";
    } else {
      why = "\"" + wanted + "\" is already in use";
    }
    String name = base;
    for (int n = 2; !free(name); n++) {
      String suffix = "-" + n;
      name =
          (base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()) : base)
              + suffix;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return new Chosen(name, why);
  }

  /** A name and why it was made up, or {@code null} when it is the server's own. */
  record Chosen(String name, String guess) {}
}
