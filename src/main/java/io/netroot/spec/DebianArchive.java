package io.netroot.spec;

import java.util.regex.Pattern;

/**
 * The grammars of a root image built from a Debian or Ubuntu archive ({@code RootImage
 * spec.build}): the suite, the package names and the mirror. Each is handed to {@code mmdebstrap}
 * as an argument and written into a build recipe, so none may look like an option (a leading {@code
 * -}), hold whitespace, a quote, a shell character or a control character.
 */
final class DebianArchive {

  /** The longest suite name accepted; real ones ({@code bookworm-backports}) are far shorter. */
  static final int MAX_SUITE = 64;

  private static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Debian Policy 5.6.1: at least two characters, starting with a letter or digit. */
  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

  private static final String PACKAGE_CHARACTERS = "+.-";

  /**
   * The printable ASCII a mirror URL may hold: RFC 3986's characters without {@code '}, {@code ;},
   * {@code $} and {@code #} (a comment in apt's sources), and {@code %} for encoded ones.
   */
  private static final String MIRROR_PUNCTUATION = "-._~:/?[]@!&()*+,=%";

  private static final Pattern WEB_MIRROR =
      Pattern.compile(
          "https?://(?:[A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?(?:/.*)?");
  private static final Pattern FILE_MIRROR = Pattern.compile("file:///.*");

  private static final String MIRROR_FORM =
      "a mirror is an http://, https:// or file:/// URL, such as http://deb.debian.org/debian";

  static final Grammar SUITE_NAME = DebianArchive::suiteProblem;
  static final Grammar PACKAGE_NAME = DebianArchive::packageProblem;
  static final Grammar MIRROR = DebianArchive::mirrorProblem;

  private DebianArchive() {}

  static String suiteProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; give the release to build, such as bookworm or noble";
    }
    if (value.length() > MAX_SUITE) {
      return "is longer than " + MAX_SUITE + " characters";
    }
    if (!SUITE.matcher(value).matches()) {
      int refused = Grammar.firstRefused(value, c -> isLowerAlnum(c) || c == '-');
      return (refused >= 0 ? "contains " + Grammar.describe(refused) : "starts with -")
          + "; a suite is lowercase letters, digits and -, starting with a letter or digit"
          + " (such as bookworm, bookworm-backports or noble)";
    }
    return null;
  }

  static String packageProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; give a package name such as nfs-common";
    }
    if (value.contains("=") && PACKAGE.matcher(value.substring(0, value.indexOf('='))).matches()) {
      return "pins a version; name the package only (the suite decides its version)";
    }
    if (!PACKAGE.matcher(value).matches()) {
      int refused =
          Grammar.firstRefused(value, c -> isLowerAlnum(c) || PACKAGE_CHARACTERS.indexOf(c) >= 0);
      String what =
          refused >= 0
              ? "contains " + Grammar.describe(refused)
              : value.length() < 2 ? "is too short" : "does not start with a letter or digit";
      return what
          + "; a package name is lowercase letters, digits and + . -, at least two characters,"
          + " starting with a letter or digit (such as nfs-common or libstdc++6)";
    }
    return null;
  }

  /** ASCII lowercase letters and digits: suites and package names have no capitals. */
  private static boolean isLowerAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  static String mirrorProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; " + MIRROR_FORM + ", or leave spec.build.mirror out";
    }
    int refused =
        Grammar.firstRefused(
            value, c -> Grammar.isAsciiAlnum(c) || MIRROR_PUNCTUATION.indexOf(c) >= 0);
    if (refused >= 0) {
      return "contains "
          + Grammar.describe(refused)
          + "; a mirror URL is printable ASCII without spaces, quotes, \\ ; $ ` or #"
          + " (percent-encode anything else)";
    }
    if (value.startsWith("http://") || value.startsWith("https://")) {
      return WEB_MIRROR.matcher(value).matches()
          ? null
          : "has no valid host; write http://HOST/PATH, the host of letters, digits, . and -"
              + " (not starting with -) or an [IPv6] address, with an optional :PORT";
    }
    if (value.startsWith("file:")) {
      return FILE_MIRROR.matcher(value).matches()
          ? null
          : "is not a local mirror; write file:/// and the mirror's absolute path, such as"
              + " file:///srv/mirror/debian";
    }
    int scheme = value.indexOf("://");
    return (scheme > 0 ? "uses " + value.substring(0, scheme) + "://; " : "is not a URL; ")
        + MIRROR_FORM;
  }
}
