package io.netroot.spec;

/**
 * An IPv4 network in CIDR notation, {@code 10.0.0.0/24}.
 *
 * @param network the network address (host bits zero)
 * @param prefix the prefix length, 0 to 32
 */
public record Ipv4Cidr(Ipv4 network, int prefix) {

  public Ipv4Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length must be 0 to 32, not " + prefix);
    }
    if ((network.bits() & ~mask(prefix)) != 0) {
      throw new IllegalArgumentException(
          network
              + "/"
              + prefix
              + " has host bits set; the network is "
              + new Ipv4(network.bits() & mask(prefix))
              + "/"
              + prefix);
    }
  }

  /**
   * Parses {@code A.B.C.D/N} or {@code A.B.C.D/M.M.M.M} (the netmask form exports(5) also accepts);
   * a bare address is a /32.
   */
  public static Ipv4Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new Ipv4Cidr(Ipv4.parse(text), 32);
    }
    Ipv4 address = Ipv4.parse(text.substring(0, slash));
    String suffix = text.substring(slash + 1);
    int prefix;
    if (suffix.contains(".")) {
      int maskBits = Ipv4.parse(suffix).bits();
      prefix = Integer.bitCount(maskBits);
      if (mask(prefix) != maskBits) {
        throw new IllegalArgumentException("not a contiguous netmask: \"" + suffix + "\"");
      }
    } else {
      if (suffix.isEmpty() || suffix.length() > 2 || !suffix.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not a prefix length: \"" + suffix + "\"");
      }
      prefix = Integer.parseInt(suffix);
    }
    return new Ipv4Cidr(address, prefix);
  }

  /** The netmask as an address, {@code 255.255.255.0} for a /24. */
  public Ipv4 netmask() {
    return new Ipv4(mask(prefix));
  }

  /** The last address of the network. */
  public Ipv4 broadcast() {
    return new Ipv4(network.bits() | ~mask(prefix));
  }

  public boolean contains(Ipv4 address) {
    return (address.bits() & mask(prefix)) == network.bits();
  }

  /** True when every address of {@code other} is in this network. */
  public boolean contains(Ipv4Cidr other) {
    return other.prefix >= prefix && contains(other.network);
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  @Override
  public String toString() {
    return network + "/" + prefix;
  }
}
