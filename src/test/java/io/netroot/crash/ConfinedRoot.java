package io.netroot.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Applies into a root mounted in a mount namespace of its own ({@code unshare -m}, private
 * propagation), so that nothing mounted leaks into the machine's: a small tmpfs for a full disk, a
 * read-only bind for a read-only root. Each step's exit code and output are kept in files beside
 * the copies of the tree, for the test to read once the namespace is gone.
 */
final class ConfinedRoot {

  /** What one step printed and how it ended. */
  record Step(int exit, String out, String err) {
    String both() {
      return out + err;
    }
  }

  private static final String STEPS =
      """
      set -eu
      step() {
        name=$1; shift; rc=0
        "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
        echo $rc >"$OUT/$name.rc"
      }
      agent() {
        command=$1; name=$2; shift 2
        step "$command-$name" "$AGENT" "$command" --services none \\
            --specs "$SPECS" --root "$ROOT" --no-diff "$@"
      }
      """;

  /**
   * A 2 MB tmpfs as the root: {@code apply} (text), copied to {@code full-tree}; a new 2 MB tmpfs:
   * {@code apply --json}; the tmpfs grown to 512 MB: {@code apply} again, then {@code plan
   * --detailed-exitcode}, copied to {@code rerun-tree}.
   */
  static final String DISK_FULL =
      STEPS
          + """
          mount -t tmpfs -o size=2m,mode=0755 netroot-crash "$ROOT"
          agent apply full
          cp -a "$ROOT" "$OUT/full-tree"
          umount "$ROOT"
          mount -t tmpfs -o size=2m,mode=0755 netroot-crash "$ROOT"
          agent apply json --json
          mount -o remount,size=512m "$ROOT"
          agent apply rerun
          agent plan rerun --detailed-exitcode
          cp -a "$ROOT" "$OUT/rerun-tree"
          """;

  /** The root bound read-only onto itself, then {@code apply}. */
  static final String READ_ONLY =
      STEPS
          + """
          mount --bind "$ROOT" "$ROOT"
          mount -o remount,bind,ro "$ROOT"
          agent apply ro
          """;

  private final Path out;
  private final Path scratch;

  /** {@code out} is where steps and tree copies are kept; it must not exist yet. */
  ConfinedRoot(Path out, Path scratch) {
    this.out = out;
    this.scratch = scratch;
  }

  /** Runs {@code script} in a new mount namespace, {@code specs} applied into {@code root}. */
  void run(String script, Path specs, Path root, Duration limit) {
    try {
      Files.createDirectories(out);
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AgentProcess.Result result =
        AgentProcess.program(
                scratch,
                List.of("unshare", "-m", "--propagation", "private", "sh", "-c", script),
                Map.of(
                    "AGENT", Path.of(AgentProcess.AGENT).toAbsolutePath().toString(),
                    "SPECS", specs.toString(),
                    "ROOT", root.toString(),
                    "OUT", out.toString()))
            .await(limit);
    if (result.exit() != 0) {
      throw new AssertionError("the confined steps failed: " + result.both());
    }
  }

  /** A step the script ran, such as {@code apply-full}. */
  Step step(String name) {
    try {
      return new Step(
          Integer.parseInt(Files.readString(out.resolve(name + ".rc")).strip()),
          Files.readString(out.resolve(name + ".out")),
          Files.readString(out.resolve(name + ".err")));
    } catch (IOException e) {
      throw new UncheckedIOException("the step " + name + " did not run", e);
    }
  }

  /** A copy of the root the script made, such as {@code full-tree}. */
  TreeSnapshot tree(String name) {
    return TreeSnapshot.of(out.resolve(name));
  }
}
