package io.netroot.render;

import io.netroot.spec.Ipv4;
import io.netroot.spec.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the network an address belongs to without scanning all networks: one hash lookup per
 * distinct prefix length (at most 33), most specific first, so the narrowest network wins as it
 * does in dhcpd. Among identical subnets the first in spec order wins.
 */
final class NetworkIndex {

  private final int[] prefixes;
  private final List<Map<Integer, Integer>> byNetworkBits;

  NetworkIndex(List<Network> networks) {
    Map<Integer, Map<Integer, Integer>> byPrefix = new HashMap<>();
    for (int i = 0; i < networks.size(); i++) {
      var subnet = networks.get(i).subnet();
      byPrefix
          .computeIfAbsent(subnet.prefix(), p -> new HashMap<>())
          .putIfAbsent(subnet.network().bits(), i);
    }
    prefixes =
        byPrefix.keySet().stream()
            .sorted((a, b) -> Integer.compare(b, a))
            .mapToInt(Integer::intValue)
            .toArray();
    byNetworkBits = new ArrayList<>(prefixes.length);
    for (int prefix : prefixes) {
      byNetworkBits.add(byPrefix.get(prefix));
    }
  }

  /** The index of the network containing {@code address}, or -1. */
  int networkOf(Ipv4 address) {
    for (int i = 0; i < prefixes.length; i++) {
      int prefix = prefixes[i];
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      Integer network = byNetworkBits.get(i).get(address.bits() & mask);
      if (network != null) {
        return network;
      }
    }
    return -1;
  }
}
