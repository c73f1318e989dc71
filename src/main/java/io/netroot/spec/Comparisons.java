package io.netroot.spec;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the comparisons validation makes between addresses, MACs and names, so that a test can
 * show that they grow linearly with the number of hosts. Counting is off unless a test turns it on;
 * the cost when off is one read of a static field.
 */
final class Comparisons {

  static boolean counting;
  private static final LongAdder COUNT = new LongAdder();

  private Comparisons() {}

  static void one() {
    if (counting) {
      COUNT.increment();
    }
  }

  static long count() {
    return COUNT.sum();
  }

  static void reset() {
    COUNT.reset();
  }
}
