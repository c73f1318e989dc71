package io.netroot.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in specs and flags: {@code 500ms}, {@code 30s}, {@code 5m}, {@code
 * 1h}, {@code 1d}, or several together ({@code 1h30m}).
 */
public final class Durations {

  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException saying what is wrong and what to write instead
   */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          Text.quote(text)
              + " is not a duration; write a number and a unit (ms, s, m, h, d), e.g. 30s, 5m, 1h");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(value);
    while (part.find()) {
      long n = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
    }
    return total;
  }

  /** The shortest way back: {@code PT5M} becomes {@code 5m}. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** A duration field; reports a bad one at its position and answers {@code null}. */
  static Duration bind(DocumentContext ctx, Scalar scalar, boolean mayBeZero) {
    if (scalar == null) {
      return null;
    }
    try {
      Duration duration = parse(scalar.value());
      if (duration.isZero() && !mayBeZero) {
        ctx.error(scalar.node(), scalar.path() + " must be longer than 0");
        return null;
      }
      return duration;
    } catch (IllegalArgumentException e) {
      ctx.error(scalar.node(), scalar.path() + ": " + e.getMessage());
      return null;
    }
  }
}
