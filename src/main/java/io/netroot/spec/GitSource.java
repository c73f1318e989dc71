package io.netroot.spec;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammars of {@code agent.git}: the repository's URL and the branch. Both are handed to git,
 * so neither may look like an option (a leading {@code -}, also as the host of a URL: {@code
 * ssh://-oProxyCommand=…}), name a remote helper that runs a command ({@code ext::sh -c …}), or
 * hold whitespace or a control character. Credentials in a URL are not refused here, but they end
 * up in logs and in the status; a credential helper or an SSH key is the place for them.
 *
 * <p>A URL is one of:
 *
 * <ul>
 *   <li>{@code https://}, {@code http://}, {@code ssh://}, {@code git://} or {@code file://} with a
 *       host (empty for {@code file://});
 *   <li>scp-like {@code [user@]host:path};
 *   <li>a path to a repository on this machine.
 * </ul>
 */
final class GitSource {

  static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");

  /** The printable ASCII a URL may hold (RFC 3986's characters and {@code %}). */
  private static final String URL_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=%";

  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)");
  private static final Pattern HOST =
      Pattern.compile("(?:[A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
  private static final Pattern SCP_LIKE =
      Pattern.compile("(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\]):(.*)");
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9._/+-]*");

  static final Grammar URL = GitSource::urlProblem;
  static final Grammar BRANCH_NAME = GitSource::branchProblem;

  private GitSource() {}

  static String urlProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; give the repository's URL";
    }
    int refused =
        Grammar.firstRefused(
            value, c -> Grammar.isAsciiAlnum(c) || URL_PUNCTUATION.indexOf(c) >= 0);
    if (refused >= 0) {
      return "contains "
          + Grammar.describe(refused)
          + "; a git URL is printable ASCII without spaces (percent-encode anything else)";
    }
    if (value.startsWith("-")) {
      return "starts with -, which git would read as an option";
    }
    var scheme = SCHEME.matcher(value);
    if (scheme.matches()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!SCHEMES.contains(name)) {
        return "uses " + name + "://; use https://, ssh://, git://, file:// or http://";
      }
      String rest = scheme.group(2);
      String authority = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      String host = authority.substring(authority.lastIndexOf('@') + 1);
      if (name.equals("file")
          ? !host.isEmpty() && !HOST.matcher(host).matches()
          : !HOST.matcher(host).matches()) {
        return "has no valid host: give one of letters, digits, . and -, not starting with -";
      }
      return null;
    }
    int colon = value.indexOf(':');
    int slash = value.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      // git reads NAME::ADDRESS as a remote helper (ext:: runs a command), and a colon before
      // the first slash as scp-like [user@]host:path.
      if (value.contains("::")) {
        return "names a remote helper (NAME::ADDRESS); use https://, ssh://, git://, file://,"
            + " user@host:path or a path";
      }
      return SCP_LIKE.matcher(value).matches()
          ? null
          : "is not user@host:path; the host is letters, digits, . and -, not starting with -";
    }
    return null;
  }

  /** git-check-ref-format(1), narrowed to the characters branch names use. */
  static String branchProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; give a branch name such as main";
    }
    if (value.length() > 255
        || !BRANCH.matcher(value).matches()
        || value.contains("..")
        || value.contains("//")
        || value.contains("/.")
        || value.endsWith("/")
        || value.endsWith(".")
        || value.endsWith(".lock")) {
      return "is not a branch name; use letters, digits and . _ + - /, not starting with -, . or"
          + " /, without .. or //, such as main or release/2024";
    }
    return null;
  }
}
