package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.bench.FleetGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation is not quadratic: the comparisons it makes between addresses, MACs and names grow like
 * the number of hosts. Counted, not timed, so a busy machine cannot make it fail; each load counts
 * into its own {@link Comparisons}, so nothing is shared with other tests.
 */
class ValidationCostTest {

  /** Linear growth gives a ratio of 4 for four times the hosts; quadratic gives 16. */
  private static final double MOST_FOR_FOUR_TIMES = 6.0;

  @TempDir Path dir;

  @Test
  void fourTimesTheHostsCostAboutFourTimesTheComparisons() {
    long small = comparisons(5_000, dir.resolve("small"));
    long large = comparisons(20_000, dir.resolve("large"));

    assertThat(small).isPositive();
    assertThat((double) large / small).isLessThan(MOST_FOR_FOUR_TIMES);
  }

  /**
   * The count sees a quadratic check: duplicate addresses found by comparing every host with every
   * other, through the same helper the checks use, cost N * (N - 1) / 2 comparisons, and the ratio
   * above would catch it.
   */
  @Test
  void aNestedLoopOverTheHostsIsCountedAsQuadratic() {
    long small = pairwiseDuplicateAddressCheck(500);
    long large = pairwiseDuplicateAddressCheck(2_000);

    assertThat(small).isEqualTo(500L * 499 / 2);
    assertThat(large).isEqualTo(2_000L * 1_999 / 2);
    assertThat((double) large / small).isGreaterThanOrEqualTo(MOST_FOR_FOUR_TIMES);
  }

  private static long comparisons(int hosts, Path specs) {
    new FleetGenerator(hosts, 4, 4, 3).write(specs);
    Comparisons comparisons = new Comparisons();
    SpecSet set = SpecLoader.load(specs, comparisons);
    assertThat(set.hosts()).hasSize(hosts);
    return comparisons.count();
  }

  private static long pairwiseDuplicateAddressCheck(int hosts) {
    List<Ipv4> addresses =
        new FleetGenerator(hosts, 4, 4, 3)
            .hostSpecs().stream().map(h -> Ipv4.parse(h.ip())).toList();
    Comparisons comparisons = new Comparisons();
    int duplicates = 0;
    for (int i = 0; i < addresses.size(); i++) {
      for (int j = i + 1; j < addresses.size(); j++) {
        if (comparisons.same(addresses.get(i), addresses.get(j))) {
          duplicates++;
        }
      }
    }
    assertThat(duplicates).isZero();
    return comparisons.count();
  }
}
