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

  /**
   * An option's value: exports(5) ends an option at {@code ,} and the list at {@code )}, and a
   * space or newline ends the client; Ganesha's settings end at {@code ;}. None of them may appear.
   */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:/@+-]+");

  /** exportfs reads {@code anonuid} and {@code anongid} as decimal numbers. */
  private static final Pattern ID = Pattern.compile("-?[0-9]{1,10}");

  private ExportOptions() {}

  static List<String> check(DocumentContext ctx, List<Scalar> options) {
    List<String> valid = new ArrayList<>();
    Scalar rw = null;
    Scalar ro = null;
    for (Scalar option : options) {
      String value = option.value();
      int equals = value.indexOf('=');
      String key = equals < 0 ? value : value.substring(0, equals);
      String valueProblem =
          VALUED.contains(key) && equals > 0 && equals < value.length() - 1
              ? valueProblem(key, value.substring(equals + 1))
              : null;
      if (valueProblem != null) {
        ctx.error(option.node(), option.path() + " " + Text.quote(value) + " " + valueProblem);
      } else if (FLAGS.contains(value)
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

  private static String valueProblem(String key, String value) {
    if ((key.equals("anonuid") || key.equals("anongid")) && !ID.matcher(value).matches()) {
      return "is not a number; write " + key + "=ID with a decimal user or group id";
    }
    if (!VALUE.matcher(value).matches()) {
      int refused =
          Grammar.firstRefused(value, c -> Grammar.isAsciiAlnum(c) || "_.:/@+-".indexOf(c) >= 0);
      return "contains "
          + Grammar.describe(refused)
          + "; an option's value is letters, digits and _ . : / @ + -";
    }
    return null;
  }

  /**
   * Options that map a client's users to uid or gid 0: {@code no_root_squash} keeps root as root,
   * and {@code anonuid=0} or {@code anongid=0} makes root (or, with {@code all_squash}, everyone)
   * root again.
   */
  static boolean grantsRoot(List<String> options) {
    for (String option : options) {
      if (option.equals("no_root_squash")) {
        return true;
      }
      if ((option.startsWith("anonuid=") || option.startsWith("anongid="))
          && ID.matcher(option.substring(8)).matches()
          && Long.parseLong(option.substring(8)) == 0) {
        return true;
      }
    }
    return false;
  }

  /** A match is one token of an exports line, in one of the forms {@link ExportClient} allows. */
  static String match(DocumentContext ctx, Scalar match) {
    return Grammar.check(ctx, match, ExportClient.GRAMMAR);
  }
}
