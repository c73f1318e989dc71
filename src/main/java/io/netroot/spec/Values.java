package io.netroot.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks and converts single field values. Each method takes a possibly {@code null} scalar (the
 * field was absent or already reported) and answers {@code null} after reporting a bad value.
 */
final class Values {

  /** Names become dhcpd host names, PXE labels and file names, so they must be safe in all. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern EXPORTS_DROP_IN =
      Pattern.compile("/etc/exports\\.d/[^/]+\\.exports");

  private Values() {}

  static String name(DocumentContext ctx, Scalar scalar) {
    if (scalar == null) {
      return null;
    }
    if (!NAME.matcher(scalar.value()).matches()) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " is not a valid name: use 1 to 63 letters, digits, '.', '_' or '-',"
              + " starting and ending with a letter or digit");
      return null;
    }
    return scalar.value();
  }

  static Ipv4 ipv4(DocumentContext ctx, Scalar scalar) {
    return parse(ctx, scalar, Ipv4::parse);
  }

  static Ipv4Cidr cidr(DocumentContext ctx, Scalar scalar) {
    return parse(ctx, scalar, Ipv4Cidr::parse);
  }

  static MacAddress mac(DocumentContext ctx, Scalar scalar) {
    return parse(ctx, scalar, MacAddress::parse);
  }

  static List<Ipv4> ipv4s(DocumentContext ctx, List<Scalar> scalars) {
    List<Ipv4> addresses = new ArrayList<>();
    for (Scalar scalar : scalars) {
      Ipv4 address = ipv4(ctx, scalar);
      if (address != null) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  private static <T> T parse(DocumentContext ctx, Scalar scalar, Function<String, T> parser) {
    if (scalar == null) {
      return null;
    }
    try {
      return parser.apply(scalar.value());
    } catch (IllegalArgumentException e) {
      ctx.error(scalar.node(), scalar.path() + ": " + e.getMessage());
      return null;
    }
  }

  /** A path on the boot server, in the one form {@link ServerPath} allows. */
  static String serverPath(DocumentContext ctx, Scalar scalar) {
    return Grammar.check(ctx, scalar, ServerPath.ANY);
  }

  /** Each item that {@code grammar} accepts, in order; the others are reported. */
  static List<String> each(DocumentContext ctx, List<Scalar> scalars, Grammar grammar) {
    List<String> accepted = new ArrayList<>();
    for (Scalar scalar : scalars) {
      String value = Grammar.check(ctx, scalar, grammar);
      if (value != null) {
        accepted.add(value);
      }
    }
    return accepted;
  }

  /** exportfs only reads {@code /etc/exports} and {@code /etc/exports.d/*.exports}. */
  static String exportsFile(DocumentContext ctx, Scalar scalar) {
    if (scalar == null) {
      return null;
    }
    String value = serverPath(ctx, scalar);
    if (value == null) {
      return null;
    }
    if (!value.equals("/etc/exports") && !EXPORTS_DROP_IN.matcher(value).matches()) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(value)
              + " is not read by exportfs; use /etc/exports or /etc/exports.d/NAME.exports");
      return null;
    }
    return value;
  }

  static String sha256(DocumentContext ctx, Scalar scalar) {
    if (scalar == null) {
      return null;
    }
    if (!SHA256.matcher(scalar.value()).matches()) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " is not a sha256: expected 64 hex digits (as printed by sha256sum)");
      return null;
    }
    return scalar.value().toLowerCase(Locale.ROOT);
  }

  static List<String> strings(List<Scalar> scalars) {
    return scalars.stream().map(Scalar::value).toList();
  }

  /**
   * A file on this machine that netroot reads: relative paths resolve against the spec file's
   * directory, so a specs repository can carry its kernels and images next to the YAML.
   */
  static Path localPath(DocumentContext ctx, Scalar scalar) {
    if (scalar == null) {
      return null;
    }
    if (scalar.value().isEmpty()) {
      ctx.error(scalar.node(), scalar.path() + " is empty; give the path of the file");
      return null;
    }
    int control = Grammar.firstRefused(scalar.value(), c -> !Grammar.isControl(c));
    if (control >= 0) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " contains "
              + Grammar.describe(control)
              + "; a path holds no control or format characters");
      return null;
    }
    try {
      Path path = Path.of(scalar.value());
      if (path.isAbsolute()) {
        return path;
      }
      return ctx.file().toAbsolutePath().getParent().resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " is not a valid path: "
              + e.getReason());
      return null;
    }
  }

  /**
   * A value from a fixed set, written in YAML as lowercase words with dashes ({@code
   * initramfs-tools} for {@code INITRAMFS_TOOLS}); {@code fallback} when absent or invalid.
   */
  static <E extends Enum<E>> E oneOf(
      DocumentContext ctx, Scalar scalar, Class<E> type, E fallback) {
    return oneOf(ctx, scalar, type, fallback, null);
  }

  /**
   * As {@link #oneOf(DocumentContext, Scalar, Class, Enum)}, with {@code refusal} in place of "is
   * not one of …" when the value is none of the words (or the usual wording when {@code null}).
   */
  static <E extends Enum<E>> E oneOf(
      DocumentContext ctx, Scalar scalar, Class<E> type, E fallback, String refusal) {
    if (scalar == null) {
      return fallback;
    }
    java.util.Map<String, E> byWord = new java.util.LinkedHashMap<>();
    for (E value : type.getEnumConstants()) {
      byWord.put(Schema.word(value.name()), value);
    }
    E value = byWord.get(scalar.value());
    if (value == null) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " "
              + (refusal != null ? refusal : "is not one of " + String.join(", ", byWord.keySet()))
              + suggestion(scalar.value(), byWord.keySet()));
      return fallback;
    }
    return value;
  }

  /** The nearest word, or the one word the value begins ({@code initramfs} → initramfs-tools). */
  private static String suggestion(String value, java.util.Collection<String> words) {
    String near = Suggestions.didYouMean(value, words);
    if (!near.isEmpty()) {
      return near;
    }
    List<String> extending = words.stream().filter(w -> w.startsWith(value)).toList();
    return extending.size() == 1 ? "; did you mean \"" + extending.get(0) + "\"?" : "";
  }
}
