package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed mmdebstrap runs in a mount namespace of its own, so a build that is stopped leaves
 * nothing mounted on this machine. A stand-in mmdebstrap binds a cache directory into the target
 * (as the setup hook does with the package cache) and mounts a tmpfs, then hangs until the build's
 * time runs out and it is stopped. Afterwards no mount under the target may be in this machine's
 * mount table, and the cache's file must still be there after the target is removed. As root.
 */
class MmdebstrapNamespaceIT {

  @TempDir Path dir;

  Path target;

  @AfterEach
  void unmountWhatLeaked() throws Exception {
    // Only reached when the namespace failed: this test's own mounts, deepest first.
    List<String> leaked = new java.util.ArrayList<>(mountsUnder(target));
    java.util.Collections.reverse(leaked);
    for (String mountPoint : leaked) {
      new ProcessBuilder("umount", "-l", mountPoint).inheritIO().start().waitFor();
    }
  }

  @Test
  void aStoppedBuildLeavesNothingMountedAndItsCacheWhole() throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      fail("this test mounts, so it needs root, not " + System.getProperty("user.name"));
    }
    target = dir.resolve("image");
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path cached = Files.writeString(cache.resolve("nfs-common_1.0_amd64.deb"), "a cached package");
    Path program = dir.resolve("mmdebstrap");
    Files.writeString(
        program,
        """
        #!/bin/sh
        set -e
        for a; do t=$a; done
        mkdir -p "$t/var/cache/apt/archives" "$t/dev/shm"
        mount --bind '%s' "$t/var/cache/apt/archives"
        mount -t tmpfs netroot-test "$t/dev/shm"
        echo I: mounted
        exec sleep 60
        """
            .formatted(cache));
    program.toFile().setExecutable(true);
    Mmdebstrap mmdebstrap =
        new Mmdebstrap(
            program,
            CommandRunner.find("unshare").orElseThrow(() -> new AssertionError("no unshare")),
            Duration.ofMillis(200));
    List<String> lines = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                mmdebstrap.build(
                    new Mmdebstrap.Build(
                        "bookworm", List.of(), null, "apt", List.of(), List.of(), null),
                    target,
                    lines::add,
                    Duration.ofSeconds(3)))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("was stopped");

    assertThat(lines).as("the stand-in's output").contains("I: mounted");
    assertThat(mountsUnder(target)).as("mounts left under the stopped build's target").isEmpty();
    Tree.remove(target);
    assertThat(cached).as("the cached package, once bound into the build").exists();
  }

  /** The mount points under {@code dir} in this process's mount table. */
  static List<String> mountsUnder(Path dir) throws IOException {
    if (dir == null) {
      return List.of();
    }
    String prefix = dir.toAbsolutePath() + "/";
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(line -> line.split(" ")[4])
        .filter(mountPoint -> mountPoint.startsWith(prefix))
        .toList();
  }

  /** Removes {@code dir} the way a careless cleanup would: through whatever is mounted in it. */
  static final class Tree {
    static void remove(Path dir) throws IOException {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
