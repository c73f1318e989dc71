package io.netroot.daemon;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git repository's URL, split into what may be shown and what is secret. A password in the URL
 * ({@code https://user:token@host/specs.git}) is taken out before JGit sees the URL and handed to
 * it as a credential, so no JGit message or file (FETCH_HEAD) can carry it; and the URL as shown in
 * the status, the logs and {@code agent status} never has it ({@link #redact}).
 *
 * @param shown the URL with its password replaced by {@code ***}
 * @param fetchUrl the URL JGit fetches: without the password (and over http(s) without the user)
 * @param user the user name in the URL, decoded, or {@code null}
 * @param password the password in the URL, decoded, or {@code null}
 */
record GitRemote(String shown, String fetchUrl, String user, String password) {

  /** A URL in running text: a scheme, {@code ://}, then anything up to a space or a quote. */
  private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^\\s\"<>]*)");

  /** A whole URL, whatever it holds. */
  private static final Pattern WHOLE_URL =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);

  @Override
  public String toString() {
    return shown;
  }

  /** Whether JGit finds the user name in the URL it fetches (ssh), rather than in credentials. */
  boolean userInFetchUrl() {
    return user != null && !isHttp(fetchUrl);
  }

  private static boolean isHttp(String url) {
    return url.regionMatches(true, 0, "http", 0, 4);
  }

  /** Splits a URL as the specs or the command line give it. */
  static GitRemote parse(String url) {
    Matcher m = WHOLE_URL.matcher(url);
    if (!m.matches()) {
      return new GitRemote(url, url, null, null); // a path, or scp-like user@host:path
    }
    String scheme = m.group(1);
    String rest = m.group(2);
    int at = userInfoEnd(rest);
    if (at < 0) {
      return new GitRemote(url, url, null, null);
    }
    String userInfo = rest.substring(0, at);
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    // over http(s) JGit is given no user information at all, so it shows and records none
    String fetchUrl =
        isHttp(scheme)
            ? scheme + "://" + rest.substring(at + 1)
            : colon < 0 ? url : scheme + "://" + user + rest.substring(at);
    return new GitRemote(redacted(scheme, rest), fetchUrl, decode(user), password);
  }

  /**
   * The text with the password of every URL in it replaced by {@code ***}: {@code
   * https://user:***@host/specs.git}. Over http(s) a user name without a password is replaced as
   * well, since it is then usually a token ({@code https://TOKEN@github.com/…}); over ssh it is
   * kept ({@code ssh://git@host/…}).
   */
  static String redact(String text) {
    if (text == null || !text.contains("@")) {
      return text;
    }
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(redacted(m.group(1), m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One URL, given as its scheme and what follows {@code ://}, with its secret replaced. */
  private static String redacted(String scheme, String rest) {
    int at = shownUserInfoEnd(rest);
    if (at < 0) {
      return scheme + "://" + rest;
    }
    String userInfo = rest.substring(0, at);
    int colon = userInfo.indexOf(':');
    String shown;
    if (colon >= 0) {
      shown = userInfo.substring(0, colon) + ":***";
    } else if (isHttp(scheme)) {
      shown = "***";
    } else {
      shown = userInfo;
    }
    return scheme + "://" + shown + rest.substring(at);
  }

  /**
   * Where the user information ends (the index of its {@code @}) in what follows {@code ://}, or
   * -1: the last {@code @} before the first {@code /}, or when there is none there, the last
   * {@code @} of all. This is how the URL is fetched.
   */
  private static int userInfoEnd(String rest) {
    int slash = rest.indexOf('/');
    int at = slash < 0 ? -1 : rest.lastIndexOf('@', slash);
    return at >= 0 ? at : rest.lastIndexOf('@');
  }

  /**
   * Where the user information may end, for showing: the last {@code @} of all, so that a password
   * with an unencoded {@code /} or {@code @} is hidden whole. Better to hide too much of an odd URL
   * (one with an {@code @} in its path) than to show part of a secret.
   */
  private static int shownUserInfoEnd(String rest) {
    return rest.lastIndexOf('@');
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
