package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.bench.FleetGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation is not quadratic: the comparisons it makes between addresses, MACs and names grow like
 * the number of hosts. Counted, not timed, so a busy machine cannot make it fail.
 */
class ValidationCostTest {

  @TempDir Path dir;

  @AfterEach
  void stopCounting() {
    Comparisons.counting = false;
  }

  @Test
  void fourTimesTheHostsCostAboutFourTimesTheComparisons() {
    long small = comparisons(5_000, dir.resolve("small"));
    long large = comparisons(20_000, dir.resolve("large"));

    assertThat(small).isPositive();
    // linear gives 4; quadratic would give 16
    assertThat((double) large / small).isLessThan(6.0);
  }

  private static long comparisons(int hosts, Path specs) {
    new FleetGenerator(hosts, 4, 4, 3).write(specs);
    Comparisons.reset();
    Comparisons.counting = true;
    SpecSet set = SpecLoader.load(specs);
    Comparisons.counting = false;
    assertThat(set.hosts()).hasSize(hosts);
    return Comparisons.count();
  }
}
