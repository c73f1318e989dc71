package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options GNU tar runs with when it fills a root image. */
class TarTest {

  @TempDir Path dir;

  @Test
  void linksAlreadyInTheTargetAreReplacedNotFollowed() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source/etc"));
    Files.writeString(source.resolve("fstab"), "the image's fstab\n");
    Files.writeString(dir.resolve("source/motd"), "hello\n");
    Path tarball = dir.resolve("image.tar");
    Process pack =
        new ProcessBuilder(
                List.of(
                    "tar", "-C", dir.resolve("source").toString(), "-cf", tarball.toString(), "."))
            .inheritIO()
            .start();
    assertThat(pack.waitFor()).isZero();
    Path victims = Files.createDirectories(dir.resolve("victims"));
    Files.writeString(victims.resolve("motd"), "victim\n");
    Map<String, String> before = VictimDir.snapshot(victims);
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("etc"), victims);
    Files.createSymbolicLink(target.resolve("motd"), victims.resolve("motd"));

    new Tar().extract(tarball, target, done -> {});

    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
    assertThat(target.resolve("etc")).isDirectory().isNotEqualTo(victims);
    assertThat(Files.isSymbolicLink(target.resolve("etc"))).isFalse();
    assertThat(target.resolve("etc/fstab")).hasContent("the image's fstab");
    assertThat(Files.isSymbolicLink(target.resolve("motd"))).isFalse();
    assertThat(target.resolve("motd")).hasContent("hello");
  }
}
