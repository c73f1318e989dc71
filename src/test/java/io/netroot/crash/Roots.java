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
   * leaves the start as it was.
   *
   * <p>The filesystem is then flushed ({@code sync -f}): an apply on the root never waits in its
   * syncfs for bytes others wrote before it started (the copy, the fleet, the launcher's archive),
   * so the timed applies of the setup and the killed ones of the trials start alike.
   */
  static void copy(Path scratch, Path start, Path root) {
    try {
      Files.createDirectories(start == null ? root : root.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (start != null) {
      run(scratch, List.of("cp", "-a", "--reflink=auto", start.toString(), root.toString()));
    }
    run(scratch, List.of("sync", "-f", root.toString()));
  }

  private static void run(Path scratch, List<String> command) {
    AgentProcess.Result result =
        AgentProcess.program(scratch, command).await(Duration.ofMinutes(2));
    if (result.exit() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + ": exit " + result.exit() + ": " + result.both());
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
