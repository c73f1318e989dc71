package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {

  @TempDir Path dir;

  @BeforeEach
  void notInUpdateMode() {
    // In update mode the harness writes instead of comparing, so these checks do not apply.
    assumeFalse(Boolean.getBoolean(Golden.UPDATE_PROPERTY));
  }

  @Test
  void missingGoldenFileFailsAndSaysHowToCreateIt() {
    Path missing = dir.resolve("missing.golden");
    assertThatThrownBy(() -> Golden.assertMatches("x\n", missing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("-Dnetroot.golden.update=true");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void differenceFailsAndLeavesTheGoldenFileAlone() throws Exception {
    Path golden = Files.writeString(dir.resolve("a.golden"), "a\n");
    assertThatThrownBy(() -> Golden.assertMatches("a\r\n", golden))
        .isInstanceOf(AssertionError.class);
    assertThat(Files.readString(golden)).isEqualTo("a\n");
  }

  @Test
  void exactMatchPasses() throws Exception {
    Path golden = Files.writeString(dir.resolve("a.golden"), "a\n\tb");
    assertThatCode(() -> Golden.assertMatches("a\n\tb", golden)).doesNotThrowAnyException();
  }
}
