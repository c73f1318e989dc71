package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build of a root image that was killed can leave something mounted in its directory beside the
 * image: the package cache mmdebstrap's setup hook binds into it. A bind mount of the same disk has
 * the same device number as its parent, so only the mount table tells it apart. The next apply
 * removes the leftover build, and must stop at the mount point rather than empty what is bound
 * there. Run confined: {@code /} read-only, the mount made in the run's private namespace.
 */
class BuildLeftoverMountIT {

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
    box.editSpec(
        Sandbox.BOOT,
        "metadata: {name: cent55}\nspec:\n  path: /storage/diskless/cent55_root\n",
        "metadata: {name: cent55}\nspec:\n  path: /storage/diskless/cent55_root\n"
            + "  build: {distribution: debian, suite: bookworm, packages: [nfs-common]}\n");
  }

  @Test
  void aLeftoverBuildWithABoundCacheIsNotRemovedThroughTheMount() throws Exception {
    Path cache = box.victimDir("packages");
    Path deb = cache.resolve("nfs-common_1.0_amd64.deb");
    Files.writeString(deb, "a cached package");
    Path bound =
        Files.createDirectories(
            box.file("/storage/diskless/.cent55_root.netroot-build-0a1b2c3d4e5f")
                .resolve("root/var/cache/apt/archives"));

    Confined.Run run =
        box.confined(
            Sandbox.TIMEOUT,
            List.of(
                "sh",
                "-c",
                "mount --bind \"$1\" \"$2\" && exec \"$3\" apply --specs \"$4\" --root \"$5\""
                    + " --services none",
                "sh",
                cache.toString(),
                bound.toString(),
                Sandbox.AGENT.toString(),
                box.specs.toString(),
                box.root.toString()));

    assertThat(run.exit()).as(run.show()).isEqualTo(1);
    assertThat(run.output()).as(run.show()).contains(bound + " is a mount point");
    assertThat(deb).as("the cached package, bound into the leftover build").exists();
  }
}
