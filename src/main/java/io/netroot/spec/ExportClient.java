package io.netroot.spec;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The grammar of an export client's {@code match}: one token of an exports(5) line and the value of
 * a Ganesha {@code Clients} setting, so an allow-list of the forms both servers read, and nothing
 * else (no whitespace, parentheses, commas, quotes or semicolons that would end the token and start
 * options, clients or settings of the spec author's choosing):
 *
 * <ul>
 *   <li>{@code *}: anyone;
 *   <li>an IPv4 address, or network as {@code 10.0.0.0/24} or {@code 10.0.0.0/255.255.255.0};
 *   <li>an IPv6 address or network ({@code fd00::/64});
 *   <li>a host name (RFC 1123);
 *   <li>a wildcard host name: labels with {@code *}, {@code ?} and {@code [0-9]}-style classes
 *       ({@code *.lab.example}, {@code node[0-9]});
 *   <li>an NIS netgroup, {@code @NAME}.
 * </ul>
 *
 * @param kind which form the match has
 * @param ipv4 the network of an {@link Kind#IPV4} match, else {@code null}
 * @param ipv6 the network of an {@link Kind#IPV6} match, else {@code null}
 */
record ExportClient(Kind kind, Ipv4Cidr ipv4, Ipv6Prefix ipv6) {

  /** The forms of a match. */
  enum Kind {
    EVERYONE,
    IPV4,
    IPV6,
    HOST,
    WILDCARD,
    NETGROUP
  }

  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+(/.*)?");
  private static final Pattern NETGROUP = Pattern.compile("@[A-Za-z0-9_.-]{1,255}");
  private static final String WILDCARD_LABEL = "(?:[A-Za-z0-9*?-]|\\[!?[A-Za-z0-9-]+\\])+";
  private static final Pattern WILDCARD =
      Pattern.compile(WILDCARD_LABEL + "(?:\\." + WILDCARD_LABEL + ")*");

  static final String FORMS =
      "use *, an IPv4 or IPv6 address or network (10.0.0.0/24, fd00::/64), a host name, a"
          + " wildcard name (*.lab.example, node[0-9]) or a netgroup (@NAME), with no spaces,"
          + " parentheses or commas (options go in options:)";

  static final Grammar GRAMMAR =
      value -> {
        try {
          parse(value);
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      };

  /** Classifies a match; throws with the message to follow the quoted value when it is refused. */
  static ExportClient parse(String value) {
    if (value.equals("*")) {
      return new ExportClient(Kind.EVERYONE, null, null);
    }
    int refused =
        Grammar.firstRefused(value, c -> Grammar.isAsciiAlnum(c) || "*?[]!@.:/_-".indexOf(c) >= 0);
    if (value.isEmpty() || refused >= 0) {
      throw new IllegalArgumentException(
          "is not a valid client"
              + (refused >= 0 ? " (it contains " + Grammar.describe(refused) + ")" : "")
              + ": "
              + FORMS);
    }
    if (IPV4_LIKE.matcher(value).matches()) {
      try {
        return new ExportClient(Kind.IPV4, Ipv4Cidr.parse(value), null);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("is not a valid client: " + e.getMessage());
      }
    }
    if (value.indexOf(':') >= 0 && Grammar.firstRefused(value, ExportClient::ipv6Char) < 0) {
      try {
        return new ExportClient(Kind.IPV6, null, Ipv6Prefix.parse(value));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("is not a valid client: " + e.getMessage());
      }
    }
    if (NETGROUP.matcher(value).matches()) {
      return new ExportClient(Kind.NETGROUP, null, null);
    }
    if (DnsName.valid(value)) {
      return new ExportClient(Kind.HOST, null, null);
    }
    if (value.length() <= DnsName.MAX_LENGTH
        && WILDCARD.matcher(value).matches()
        && !value.startsWith("-")) {
      try {
        Pattern.compile(globRegex(value));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "is not a valid client: a [...] class has a range running backwards");
      }
      return new ExportClient(Kind.WILDCARD, null, null);
    }
    if (value.startsWith("[") && value.contains(":")) {
      throw new IllegalArgumentException(
          "is not a valid client: write an IPv6 address or network without brackets, such as"
              + " fd00::/64 (exports(5) reads [ as the start of a wildcard)");
    }
    throw new IllegalArgumentException("is not a valid client: " + FORMS);
  }

  /** fnmatch(3) as exportfs uses it: {@code *}, {@code ?} and {@code [...]} classes. */
  static String globRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        int end = glob.indexOf(']', i);
        String body = glob.substring(i + 1, end);
        regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
        i = end;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static boolean ipv6Char(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')
        || c == ':'
        || c == '.'
        || c == '/';
  }

  /** A wildcard pattern ({@code *}, {@code ?}, {@code [...]}), as exportfs decides it. */
  boolean wildcard() {
    return kind == Kind.EVERYONE || kind == Kind.WILDCARD;
  }
}
