package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColoursTest {

  static final String DIFF =
      "--- a (on disk)\n+++ a (planned)\n@@ -1,1 +1,1 @@\n-old\n+new\n same\n";

  @Test
  void onATerminalAddedIsGreenRemovedRedChangedYellow() {
    Colours on = new Colours(true);
    assertThat(on.symbol("+")).isEqualTo("\u001b[32m+\u001b[0m");
    assertThat(on.symbol("-")).isEqualTo("\u001b[31m-\u001b[0m");
    assertThat(on.symbol("~")).isEqualTo("\u001b[33m~\u001b[0m");
    assertThat(on.diff(DIFF))
        .contains("\u001b[31m-old\u001b[0m\n")
        .contains("\u001b[32m+new\u001b[0m\n")
        .contains("\u001b[36m@@ -1,1 +1,1 @@\u001b[0m\n")
        .contains("\u001b[1m+++ a (planned)\u001b[0m\n")
        .contains("\n same\n")
        .endsWith("\n");
  }

  @Test
  void offEverythingIsAsItWas() {
    Colours off = new Colours(false);
    assertThat(off.symbol("+")).isEqualTo("+");
    assertThat(off.diff(DIFF)).isEqualTo(DIFF);
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void pipedOutputHasNoEscapes() {
    TestBootServer server = new TestBootServer(dir);
    assertThat(server.agent("plan").out()).doesNotContain("\u001b[");
  }
}
