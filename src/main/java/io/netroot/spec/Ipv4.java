package io.netroot.spec;

/**
 * An IPv4 address as an unsigned 32-bit value, so ranges and subnets compare as numbers.
 *
 * @param bits the address, most significant octet first
 */
public record Ipv4(int bits) implements Comparable<Ipv4> {

  /**
   * Parses dotted-quad notation; throws {@link IllegalArgumentException} with a readable reason.
   */
  public static Ipv4 parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
    }
    int bits = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
      }
      bits = (bits << 8) | octet;
    }
    return new Ipv4(bits);
  }

  /** This address as an unsigned long, for arithmetic that must not overflow. */
  public long unsigned() {
    return Integer.toUnsignedLong(bits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ipv4 ip && ip.bits == bits;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(bits);
  }

  @Override
  public int compareTo(Ipv4 other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24)
        + "."
        + ((bits >>> 16) & 0xff)
        + "."
        + ((bits >>> 8) & 0xff)
        + "."
        + (bits & 0xff);
  }
}
