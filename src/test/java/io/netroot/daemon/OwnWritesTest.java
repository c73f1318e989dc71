package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OwnWritesTest {

  @TempDir Path dir;

  @Test
  @Timeout(10)
  void deviceNodeIsNamedNotRead() {
    // /dev/urandom never ends: reading it would hang the pass that snapshots an image's /dev.
    assertThat(OwnWrites.hash(Path.of("/dev/urandom"))).startsWith("special:");
  }

  @Test
  void linkIsHashedByItsTargetNameNotItsTargetsBytes() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "root password");
    Path link = Files.createSymbolicLink(dir.resolve("fstab"), secret);
    assertThat(OwnWrites.hash(link)).isEqualTo("link:" + secret);
    Files.writeString(secret, "changed");
    assertThat(OwnWrites.hash(link)).isEqualTo("link:" + secret);
  }

  @Test
  void editOfRegularFileIsChangeAndMissingFileIsAbsent() throws Exception {
    Path file = Files.writeString(dir.resolve("default"), "LABEL a\n");
    OwnWrites writes = new OwnWrites();
    writes.snapshot(Set.of(file, dir.resolve("missing")));
    assertThat(writes.changed(file)).isFalse();
    Files.writeString(file, "LABEL b\n");
    assertThat(writes.changed(file)).isTrue();
    assertThat(OwnWrites.hash(dir.resolve("missing"))).isEqualTo("absent");
  }
}
