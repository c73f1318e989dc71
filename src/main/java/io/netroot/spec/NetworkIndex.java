package io.netroot.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Finds the Network holding an address in time proportional to the number of distinct prefix
 * lengths (at most 33), not the number of networks: one hash map keyed by (prefix, network
 * address), tried most specific first, so the narrowest network wins as it does in dhcpd. Among
 * identical subnets the first in spec order wins. This keeps host placement checks and the DHCP
 * rendering linear at tens of thousands of hosts. Reached through {@link SpecSet#networkOf}; the
 * spec checks make each probe through their load's {@link Comparisons}, which counts it.
 */
final class NetworkIndex {

  private final int[] prefixes;
  private final Map<Long, Network> byKey = new HashMap<>();

  NetworkIndex(List<Network> networks) {
    TreeSet<Integer> lengths = new TreeSet<>(Comparator.reverseOrder());
    for (Network network : networks) {
      lengths.add(network.subnet().prefix());
      byKey.putIfAbsent(key(network.subnet().prefix(), network.subnet().network().bits()), network);
    }
    prefixes = lengths.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The most specific Network containing {@code address}, or {@code null}. */
  Network find(Ipv4 address) {
    return covering(address.bits(), 32, byKey::get);
  }

  /** As {@link #find(Ipv4)}, each probe of the index a lookup through {@code comparisons}. */
  Network find(Ipv4 address, Comparisons comparisons) {
    return covering(address.bits(), 32, key -> comparisons.lookup(byKey, key));
  }

  /**
   * The most specific Network whose subnet contains all of {@code range}, or {@code null}; each
   * probe of the index is a lookup through {@code comparisons}.
   */
  Network covering(Ipv4Cidr range, Comparisons comparisons) {
    return covering(range.network().bits(), range.prefix(), key -> comparisons.lookup(byKey, key));
  }

  /**
   * Tries each prefix length no longer than {@code rangePrefix}, longest first.
   *
   * @param probe the Network under a (prefix, network address) key, or {@code null}
   */
  private Network covering(int rangeBits, int rangePrefix, LongFunction<Network> probe) {
    for (int prefix : prefixes) {
      if (prefix <= rangePrefix) {
        Network network = probe.apply(key(prefix, rangeBits & mask(prefix)));
        if (network != null) {
          return network;
        }
      }
    }
    return null;
  }

  /**
   * Reports every Network whose subnet overlaps one listed before it in address order. Sorting then
   * sweeping keeps this at n log n; the addresses are compared through {@code comparisons}.
   */
  static void checkOverlaps(List<Network> networks, Findings findings, Comparisons comparisons) {
    List<Network> sorted = new ArrayList<>(networks);
    sorted.sort(
        Comparator.comparing((Network n) -> n.subnet().network(), comparisons.addressOrder())
            .thenComparingInt(n -> n.subnet().prefix()));
    Network widest = null;
    for (Network network : sorted) {
      if (widest != null
          && comparisons.compare(network.subnet().network(), widest.subnet().broadcast()) <= 0) {
        Network later = isLater(network, widest) ? network : widest;
        Network earlier = later == network ? widest : network;
        findings.at(
            later,
            "spec.subnet",
            "spec.subnet "
                + later.subnet()
                + " overlaps "
                + Findings.where(earlier, "spec.subnet")
                + " "
                + earlier.subnet()
                + "; networks must not overlap, so merge them or change one subnet");
      }
      if (widest == null
          || comparisons.compare(network.subnet().broadcast(), widest.subnet().broadcast()) > 0) {
        widest = network;
      }
    }
  }

  /** Whether {@code a} was written after {@code b}, so the error lands on the later one. */
  private static boolean isLater(Network a, Network b) {
    return SpecLoader.POSITION_ORDER.compare(a.origin().document(), b.origin().document()) > 0;
  }

  private static long key(int prefix, int networkBits) {
    return ((long) prefix << 32) | Integer.toUnsignedLong(networkBits);
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }
}
