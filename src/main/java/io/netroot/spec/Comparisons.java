package io.netroot.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The comparisons one spec load makes between addresses, MACs, names and export clients, counted.
 * {@link SpecLoader} makes one per load and hands it to the cross-document checks, which compare
 * through it: duplicate MACs, addresses and names, references to names, which Network holds a host,
 * a host's address against its network's edges and dynamic range, which Export clients match a
 * host, overlapping Networks, and "did you mean" suggestions.
 *
 * <p>The count is what shows that validation stays linear in the number of hosts: a check written
 * as a nested loop over the hosts would compare each pair through here, and the count would grow
 * with the square. A hashed lookup counts as one comparison, which is what it costs; a scan in its
 * place would count one per element scanned.
 *
 * <p>Safe to use from several threads; the value classes ({@link Ipv4}, {@link MacAddress}) know
 * nothing of it.
 */
final class Comparisons {

  private final LongAdder count = new LongAdder();

  /** How many comparisons were made through this object. */
  long count() {
    return count.sum();
  }

  /** Whether {@code a} and {@code b} are the same address. */
  boolean same(Ipv4 a, Ipv4 b) {
    count.increment();
    return a.equals(b);
  }

  /** Orders two addresses as unsigned numbers, as {@link Ipv4#compareTo} does. */
  int compare(Ipv4 a, Ipv4 b) {
    count.increment();
    return a.compareTo(b);
  }

  /** Address order, counting each comparison: for sorting by address. */
  Comparator<Ipv4> addressOrder() {
    return this::compare;
  }

  /** Whether {@code address} lies in {@code range}, ends included; two comparisons. */
  boolean inRange(Ipv4 address, Network.Range range) {
    return compare(address, range.start()) >= 0 && compare(address, range.end()) <= 0;
  }

  /**
   * The value {@code seen} already holds for {@code key}, or {@code null} after recording {@code
   * value} under it: duplicate detection in one hashed lookup.
   */
  <K, V> V firstWith(Map<K, V> seen, K key, V value) {
    count.increment();
    return seen.putIfAbsent(key, value);
  }

  /** The value {@code map} holds for {@code key}, or {@code null}: one hashed lookup. */
  <K, V> V lookup(Map<K, V> map, K key) {
    count.increment();
    return map.get(key);
  }

  /** Whether {@code names} holds {@code name}: one hashed lookup. */
  boolean contains(Set<String> names, String name) {
    count.increment();
    return names.contains(name);
  }

  /** Whether {@code value} matches {@code test} (an Export client matching a host, say). */
  <T> boolean matches(Predicate<T> test, T value) {
    count.increment();
    return test.test(value);
  }

  /**
   * {@link Suggestions#nearest}, counting one comparison for each candidate it measures {@code
   * wrong} against.
   */
  String nearest(String wrong, Collection<String> candidates) {
    count.add(candidates.size());
    return Suggestions.nearest(wrong, candidates);
  }
}
