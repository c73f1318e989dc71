package io.netroot.kernel;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel build configuration (a {@code .config}, as installed in {@code /boot/config-RELEASE}):
 * {@code CONFIG_X=y}, {@code CONFIG_X=m}, {@code CONFIG_X="text"} or a number, and {@code #
 * CONFIG_X is not set}. Other comments and blank lines are ignored. An option that appears nowhere
 * is not set, as in the kernel's own build.
 */
public final class KernelConfig {

  /** How an option was built. */
  public enum State {
    /** {@code =y}: built into the kernel image. */
    BUILT_IN,
    /** {@code =m}: built as a loadable module. */
    MODULE,
    /** Any other value: a string or a number. */
    VALUE,
    /** {@code # CONFIG_X is not set}, {@code =n}, or absent. */
    NOT_SET
  }

  private static final Pattern ASSIGNMENT = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
  private static final Pattern UNSET = Pattern.compile("# (CONFIG_[A-Za-z0-9_]+) is not set");

  private final Map<String, String> values;

  private KernelConfig(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads a {@code .config} file.
   *
   * @throws NetrootException when it cannot be read
   */
  public static KernelConfig read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new NetrootException("cannot read kernel config " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the text of a {@code .config}. */
  public static KernelConfig parse(String text) {
    Map<String, String> values = new HashMap<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      Matcher assignment = ASSIGNMENT.matcher(line);
      if (assignment.matches()) {
        values.put(assignment.group(1), unquote(assignment.group(2)));
        continue;
      }
      Matcher unset = UNSET.matcher(line);
      if (unset.matches()) {
        values.remove(unset.group(1));
      }
    }
    return new KernelConfig(values);
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }

  /** How {@code option} ({@code CONFIG_ROOT_NFS}) was built. */
  public State state(String option) {
    String value = values.get(option);
    if (value == null || value.equals("n")) {
      return State.NOT_SET;
    }
    return switch (value) {
      case "y" -> State.BUILT_IN;
      case "m" -> State.MODULE;
      default -> State.VALUE;
    };
  }

  /** The value of {@code option}, unquoted, or {@code null} when it is not set. */
  public String value(String option) {
    String value = values.get(option);
    return value == null || value.equals("n") ? null : value;
  }
}
