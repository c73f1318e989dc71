package io.netroot.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Making and removing the trial roots. */
final class Roots {

  private Roots() {}

  /**
   * Makes {@code root} a copy of {@code start} with {@code cp -a} (modes, owners and times kept, as
   * the agent found them), or an empty directory when {@code start} is {@code null}. Where the
   * filesystem shares extents ({@code --reflink=auto}, which coreutils 9 takes by default: btrfs,
   * XFS) the copy shares the start's blocks until written, which is quicker; each file is still an
   * inode of its own, never a hard link, so what the agent does to the copy (chmod, chown, rename)
   * leaves the start as it was. The copy is then flushed ({@code sync -f}), so that an apply on it
   * never waits for the copy's own bytes in its syncfs, wherever the copy was made.
   */
  static void copy(Path scratch, Path start, Path root) {
    try {
      if (start == null) {
        Files.createDirectories(root);
        return;
      }
      Files.createDirectories(root.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AgentProcess.Result cp =
        AgentProcess.program(
                scratch, List.of("cp", "-a", "--reflink=auto", start.toString(), root.toString()))
            .await(Duration.ofMinutes(2));
    if (cp.exit() != 0) {
      throw new IllegalStateException("cp -a " + start + " " + root + ": " + cp.both());
    }
    AgentProcess.Result sync =
        AgentProcess.program(scratch, List.of("sync", "-f", root.toString()))
            .await(Duration.ofMinutes(2));
    if (sync.exit() != 0) {
      throw new IllegalStateException("sync -f " + root + ": " + sync.both());
    }
  }

  /** Removes {@code dir} and everything in it; an absent one is fine. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
