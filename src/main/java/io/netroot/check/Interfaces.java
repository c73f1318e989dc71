package io.netroot.check;

import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The IPv4 addresses of this machine's interfaces, as {@code ip -o -4 addr show} lists them. */
final class Interfaces {

  /**
   * One address of an interface.
   *
   * @param name the interface: {@code eth0}
   * @param address its address
   */
  record Address(String name, Ipv4 address) {}

  private Interfaces() {}

  /**
   * Reads lines such as {@code 2: eth0 inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0}; other
   * lines are skipped.
   */
  static List<Address> parse(String output) {
    List<Address> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] words = line.trim().split("\\s+");
      for (int i = 0; i + 1 < words.length; i++) {
        if (words[i].equals("inet") && i >= 2) {
          try {
            String name = words[1].replaceAll("[:@].*", "");
            out.add(new Address(name, Ipv4.parse(words[i + 1].split("/")[0])));
          } catch (IllegalArgumentException e) {
            // not an address line
          }
          break;
        }
      }
    }
    return out;
  }

  /** The first interface with an address in {@code subnet}. */
  static Optional<Address> in(List<Address> addresses, Ipv4Cidr subnet) {
    return addresses.stream().filter(a -> subnet.contains(a.address())).findFirst();
  }
}
