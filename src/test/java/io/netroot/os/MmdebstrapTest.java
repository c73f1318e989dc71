package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmdebstrapTest {

  @TempDir Path dir;

  Path script(String body) throws Exception {
    Path file = dir.resolve("mmdebstrap");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    file.toFile().setExecutable(true);
    return file;
  }

  Mmdebstrap.Build build(List<Mmdebstrap.FileIn> in, Path cache) {
    return new Mmdebstrap.Build(
        "bookworm", List.of("nfs-common", "vim"), null, "apt", in, List.of("true"), cache);
  }

  @Test
  void everyValueIsItsOwnArgumentAndHooksHoldOnlyNetrootsPaths() throws Exception {
    Path content = dir.resolve("initramfs.conf");
    List<String> command =
        new Mmdebstrap(script("true"))
            .command(
                build(
                    List.of(
                        new Mmdebstrap.FileIn(
                            "/etc/initramfs-tools/conf.d/netroot", content, 0644)),
                    Path.of("/var/cache/netroot/packages")),
                dir.resolve("target"));

    assertThat(command)
        .contains(
            "--variant=apt",
            "--include=nfs-common,vim",
            "--setup-hook=mount --bind '/var/cache/netroot/packages' \"$1/var/cache/apt/archives\"",
            "--essential-hook=install -m 0644 '"
                + content
                + "' \"$1/etc/initramfs-tools/conf.d/netroot\"",
            "--customize-hook=umount \"$1/var/cache/apt/archives\"",
            "bookworm");
    assertThat(command.get(command.size() - 1)).isEqualTo(dir.resolve("target").toString());
  }

  @Test
  void aCacheWhosePathAShellWouldReadIsRefused() {
    assertThatThrownBy(
            () ->
                new Mmdebstrap(Path.of("/bin/true"))
                    .command(build(List.of(), Path.of("/var/cache/my cache")), dir.resolve("t")))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("cannot pass /var/cache/my cache to an mmdebstrap hook");
  }

  @Test
  void aFailedBuildQuotesItsLastLines() throws Exception {
    Mmdebstrap m = new Mmdebstrap(script("echo I: starting; echo 'E: no such package'; exit 1"));

    assertThatThrownBy(
            () -> m.build(build(List.of(), null), dir.resolve("t"), l -> {}, Duration.ofMinutes(1)))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("mmdebstrap failed (exit 1)")
        .hasMessageContaining("E: no such package");
  }

  @Test
  void aSilentBuildSaysItStillRunsAndOneOverItsTimeIsStopped() throws Exception {
    Mmdebstrap m =
        new Mmdebstrap(script("echo I: starting; exec sleep 30"), null, Duration.ofMillis(200));
    List<String> lines = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                m.build(
                    build(List.of(), null), dir.resolve("t"), lines::add, Duration.ofSeconds(2)))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("did not finish within 2 s and was stopped")
        .hasMessageContaining("I: starting");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(lines).contains("I: starting").anyMatch(l -> l.startsWith("(still building, "));
  }

  @Test
  void theInstalledOneRunsInAPrivateMountNamespace() throws Exception {
    List<String> command =
        new Mmdebstrap(script("true"), Path.of("/usr/bin/unshare"), Duration.ofSeconds(30))
            .command(build(List.of(), Path.of("/var/cache/netroot/packages")), dir.resolve("t"));

    assertThat(command.subList(0, 5))
        .containsExactly("/usr/bin/unshare", "--mount", "--propagation", "private", "--");
    assertThat(command.get(5)).isEqualTo(dir.resolve("mmdebstrap").toString());
  }
}
