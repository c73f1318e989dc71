package io.netroot.spec;

/**
 * An IPv6 address or network as an export client writes it ({@code fd00::5}, {@code fd00::/64}),
 * parsed strictly: hex groups with at most one {@code ::}, an optional dotted IPv4 tail, and an
 * optional prefix length. No zone ({@code %eth0}) and no brackets: exports(5) reads {@code [} as
 * the start of a wildcard.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 * @param prefix the prefix length, 128 for a single address
 */
record Ipv6Prefix(long high, long low, int prefix) {

  /** Parses {@code ADDRESS} or {@code ADDRESS/PREFIX}; throws with a readable reason. */
  static Ipv6Prefix parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    int prefix = 128;
    if (slash >= 0) {
      String suffix = text.substring(slash + 1);
      if (suffix.isEmpty()
          || suffix.length() > 3
          || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not an IPv6 prefix length: \"" + suffix + "\"");
      }
      prefix = Integer.parseInt(suffix);
      if (prefix > 128) {
        throw new IllegalArgumentException("IPv6 prefix length must be 0 to 128, not " + prefix);
      }
    }
    long[] groups = groups(address);
    long high = groups[0] << 48 | groups[1] << 32 | groups[2] << 16 | groups[3];
    long low = groups[4] << 48 | groups[5] << 32 | groups[6] << 16 | groups[7];
    return new Ipv6Prefix(high, low, prefix);
  }

  /** The unspecified address {@code ::}, which some servers read as any address. */
  boolean unspecified() {
    return high == 0 && low == 0;
  }

  private static long[] groups(String address) {
    IllegalArgumentException bad =
        new IllegalArgumentException("not an IPv6 address: \"" + address + "\"");
    int gap = address.indexOf("::");
    if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
      throw bad;
    }
    String head = gap < 0 ? address : address.substring(0, gap);
    String tail = gap < 0 ? "" : address.substring(gap + 2);
    long[] before = hexGroups(head, bad, gap < 0);
    long[] after = hexGroups(tail, bad, true);
    if (gap < 0 ? before.length != 8 : before.length + after.length > 7) {
      throw bad;
    }
    long[] all = new long[8];
    System.arraycopy(before, 0, all, 0, before.length);
    System.arraycopy(after, 0, all, 8 - after.length, after.length);
    return all;
  }

  /** The 16-bit groups of one side of {@code ::}; a dotted IPv4 tail counts as two. */
  private static long[] hexGroups(String part, IllegalArgumentException bad, boolean mayEndInIpv4) {
    if (part.isEmpty()) {
      return new long[0];
    }
    String[] texts = part.split(":", -1);
    int last = texts.length - 1;
    boolean ipv4 = mayEndInIpv4 && texts[last].contains(".");
    long[] groups = new long[texts.length + (ipv4 ? 1 : 0)];
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i];
      if (i == last && ipv4) {
        int bits;
        try {
          bits = Ipv4.parse(text).bits();
        } catch (IllegalArgumentException e) {
          throw bad;
        }
        groups[i] = (bits >>> 16) & 0xffff;
        groups[i + 1] = bits & 0xffff;
      } else if (text.isEmpty()
          || text.length() > 4
          || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
        throw bad;
      } else {
        groups[i] = Long.parseLong(text, 16);
      }
    }
    return groups;
  }

  @Override
  public String toString() {
    return String.format(
        "%x:%x:%x:%x:%x:%x:%x:%x/%d",
        high >>> 48,
        (high >>> 32) & 0xffff,
        (high >>> 16) & 0xffff,
        high & 0xffff,
        low >>> 48,
        (low >>> 32) & 0xffff,
        (low >>> 16) & 0xffff,
        low & 0xffff,
        prefix);
  }
}
