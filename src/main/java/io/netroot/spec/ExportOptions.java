package io.netroot.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Per-document checks of an Export's clients: the options must be ones exports(5) knows (a typo
 * such as {@code no_root_sqash} would otherwise only fail at exportfs time, or worse be ignored),
 * and the match must be one token of an exports line.
 */
final class ExportOptions {

  static final Set<String> FLAGS =
      Set.of(
          "rw",
          "ro",
          "sync",
          "async",
          "secure",
          "insecure",
          "wdelay",
          "no_wdelay",
          "hide",
          "nohide",
          "crossmnt",
          "subtree_check",
          "no_subtree_check",
          "insecure_locks",
          "no_auth_nlm",
          "auth_nlm",
          "secure_locks",
          "nordirplus",
          "pnfs",
          "no_pnfs",
          "security_label",
          "root_squash",
          "no_root_squash",
          "all_squash",
          "no_all_squash",
          "no_acl",
          "acl");

  static final Set<String> VALUED =
      Set.of("mountpoint", "mp", "fsid", "refer", "replicas", "sec", "anonuid", "anongid");

  /** Options that may also be written without a value. */
  private static final Set<String> BARE_VALUED = Set.of("mountpoint", "mp");

  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+(/.*)?");

  private ExportOptions() {}

  static List<String> check(DocumentContext ctx, List<Scalar> options) {
    List<String> valid = new ArrayList<>();
    Scalar rw = null;
    Scalar ro = null;
    for (Scalar option : options) {
      String value = option.value();
      int equals = value.indexOf('=');
      String key = equals < 0 ? value : value.substring(0, equals);
      if (FLAGS.contains(value)
          || (VALUED.contains(key) && equals > 0 && equals < value.length() - 1)
          || BARE_VALUED.contains(value)) {
        valid.add(value);
      } else if (VALUED.contains(key)) {
        ctx.error(
            option.node(),
            option.path() + " " + Text.quote(value) + " needs a value: write " + key + "=VALUE");
      } else {
        Set<String> known = new TreeSet<>(FLAGS);
        known.addAll(VALUED);
        ctx.error(
            option.node(),
            option.path()
                + " "
                + Text.quote(value)
                + " is not an exports(5) option"
                + Suggestions.didYouMean(key, known));
      }
      if ((value.equals("rw") && ro != null) || (value.equals("ro") && rw != null)) {
        ctx.error(option.node(), option.path() + ": rw and ro are both given; keep only one");
      }
      rw = value.equals("rw") ? option : rw;
      ro = value.equals("ro") ? option : ro;
    }
    return valid;
  }

  /**
   * A match is one token of an exports line: whitespace or parentheses would change its meaning.
   */
  static String match(DocumentContext ctx, Scalar match) {
    if (match == null) {
      return null;
    }
    String value = match.value();
    if (value.isEmpty()
        || Text.hasWhitespace(value)
        || value.contains("(")
        || value.contains(")")) {
      ctx.error(
          match.node(),
          match.path()
              + " "
              + Text.quote(value)
              + " is not a valid client: use *, an address, a network such as 10.0.0.0/24 or a host"
              + " name, with no spaces or parentheses (options go in options:)");
      return null;
    }
    if (IPV4_LIKE.matcher(value).matches()) {
      try {
        Ipv4Cidr.parse(value);
      } catch (IllegalArgumentException e) {
        ctx.error(match.node(), match.path() + ": " + e.getMessage());
        return null;
      }
    }
    return value;
  }
}
