package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountsTest {

  @Test
  void escapedCharactersOfAMountPointAreReadBack() {
    assertThat(Mounts.unescape("/srv/my\\040image")).isEqualTo("/srv/my image");
    assertThat(Mounts.unescape("/a\\011b\\012c\\134d")).isEqualTo("/a\tb\nc\\d");
    assertThat(Mounts.unescape("/plain")).isEqualTo("/plain");
    assertThat(Mounts.unescape("/odd\\04")).isEqualTo("/odd\\04");
  }

  @Test
  void procIsAMountPointAndATempDirectoryHasNoneBelowIt() {
    assertThat(Mounts.atOrBelow(Path.of("/proc"))).contains(Path.of("/proc"));
    assertThat(Mounts.atOrBelow(Path.of("/proc/self/fd"))).isEmpty();
  }
}
