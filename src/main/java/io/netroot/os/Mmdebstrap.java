package io.netroot.os;

import io.netroot.NetrootException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code mmdebstrap} (Debian package {@code mmdebstrap}) to build a root filesystem from
 * distribution packages into a directory.
 *
 * <p>Every value is its own argument: no shell sees the suite, the packages or the mirror. Only the
 * hooks are shell commands, which mmdebstrap runs with the target as {@code $1}; they are made here
 * from fixed text and paths netroot chose (a private temporary directory), never from spec text.
 * Files to put into the image before its packages are configured (so that the kernel's initramfs is
 * generated with them) are copied in by an essential hook.
 *
 * <p>The installed mmdebstrap ({@link #installed()}) runs in a mount namespace of its own ({@code
 * unshare --mount --propagation private}): what it mounts into the image (proc, sys, dev, the
 * package cache bound into {@code /var/cache/apt/archives}) is seen by no other process and goes
 * away with it, even when it is killed. A leftover bind of the cache in the server's mount table
 * would otherwise let anything that removes the half-built tree empty the cache through it.
 */
public final class Mmdebstrap {

  private static final Logger log = LoggerFactory.getLogger(Mmdebstrap.class);

  /** How many of its last lines a failed build quotes. */
  static final int QUOTED_LINES = 15;

  /**
   * What to build.
   *
   * @param suite the release
   * @param packages installed on top of the variant's set
   * @param mirror the package source URL, or {@code null} for this machine's apt sources
   * @param variant mmdebstrap's package set: {@code apt}, {@code minbase}, {@code important}…
   * @param filesIn files placed before the packages are configured: each the absolute path in the
   *     image, then the file on this machine that holds its content
   * @param customize shell commands run at the end, with the image as {@code $1}
   * @param packageCache a directory where downloaded packages are kept between builds, or null
   */
  public record Build(
      String suite,
      List<String> packages,
      String mirror,
      String variant,
      List<FileIn> filesIn,
      List<String> customize,
      Path packageCache) {}

  /** A file copied into the image: where it goes, and the file holding its content. */
  public record FileIn(String imagePath, Path content, int mode) {}

  private final Path program;
  private final Path unshare;
  private final Duration tick;

  /**
   * {@code program} run as it is, in the caller's mount namespace: for stand-ins that mount
   * nothing. The real one is {@link #installed()}.
   */
  public Mmdebstrap(Path program) {
    this(program, null, TICK);
  }

  /**
   * @param unshare util-linux's {@code unshare}, to run {@code program} in a private mount
   *     namespace, or null to run it as it is
   * @param tick the interval of the still-running reports and of the time check
   */
  Mmdebstrap(Path program, Path unshare, Duration tick) {
    this.program = program;
    this.unshare = unshare;
    this.tick = tick;
  }

  /**
   * The installed mmdebstrap, run in a mount namespace of its own, if there is one.
   *
   * @throws NetrootException when mmdebstrap is there but {@code unshare} (util-linux) is not
   */
  public static java.util.Optional<Mmdebstrap> installed() {
    return CommandRunner.find("mmdebstrap")
        .map(
            program ->
                new Mmdebstrap(
                    program,
                    CommandRunner.find("unshare")
                        .orElseThrow(
                            () ->
                                new NetrootException(
                                    "unshare is not installed (apt-get install util-linux):"
                                        + " netroot runs mmdebstrap in a mount namespace of its"
                                        + " own")),
                    TICK));
  }

  /** The command line for {@code build} into {@code target}, which must not exist yet. */
  public List<String> command(Build build, Path target) {
    List<String> c = new ArrayList<>();
    if (unshare != null) {
      // exec'd in a new mount namespace whose mounts propagate nowhere; it ends with the build
      c.addAll(List.of(unshare.toString(), "--mount", "--propagation", "private", "--"));
    }
    c.add(program.toString());
    c.add("--mode=root");
    c.add("--format=directory");
    c.add("--variant=" + build.variant());
    if (!build.packages().isEmpty()) {
      c.add("--include=" + String.join(",", build.packages()));
    }
    if (build.packageCache() != null) {
      // downloads land in the cache, and mmdebstrap leaves them there
      c.add("--skip=essential/unlink");
      c.add("--setup-hook=mkdir -p \"$1/var/cache/apt/archives\"");
      c.add(
          "--setup-hook=mount --bind "
              + quoted(build.packageCache())
              + " \"$1/var/cache/apt/archives\"");
    }
    for (FileIn file : build.filesIn()) {
      String parent = file.imagePath().substring(0, file.imagePath().lastIndexOf('/'));
      c.add("--essential-hook=mkdir -p \"$1" + parent + "\"");
      c.add(
          "--essential-hook=install -m "
              + String.format("%04o", file.mode())
              + " "
              + quoted(file.content())
              + " \"$1"
              + file.imagePath()
              + "\"");
    }
    if (build.packageCache() != null) {
      c.add("--customize-hook=umount \"$1/var/cache/apt/archives\"");
    }
    for (String hook : build.customize()) {
      c.add("--customize-hook=" + hook);
    }
    c.add(build.suite());
    c.add(target.toString());
    if (build.mirror() != null) {
      c.add(build.mirror());
    }
    return c;
  }

  /** The longest a build may take before it is stopped and fails. */
  public static final Duration LIMIT = Duration.ofMinutes(60);

  /** How often a build that prints nothing says it is still running. */
  static final Duration TICK = Duration.ofSeconds(30);

  /**
   * Builds into {@code target}, telling {@code progress} each line mmdebstrap prints, and every 30
   * seconds of silence that it still runs (a step such as making the initramfs prints nothing for
   * minutes). A build still running after {@code limit} is stopped.
   *
   * @throws NetrootException when it fails or runs out of time, with its last lines
   */
  public void build(Build build, Path target, Consumer<String> progress, Duration limit) {
    List<String> command = command(build, target);
    log.debug("running {}", command);
    Deque<String> last = new ArrayDeque<>();
    long started = System.nanoTime();
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      AtomicBoolean timedOut = new AtomicBoolean();
      Thread ticker =
          new Thread(
              () -> {
                try {
                  while (!process.waitFor(tick.toMillis(), TimeUnit.MILLISECONDS)) {
                    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                    if (seconds >= limit.toSeconds()) {
                      timedOut.set(true);
                      process.descendants().forEach(ProcessHandle::destroy);
                      process.destroy();
                      return;
                    }
                    progress.accept("(still building, " + seconds + " s)");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "mmdebstrap-ticker");
      ticker.setDaemon(true);
      ticker.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          progress.accept(line);
          last.addLast(line);
          if (last.size() > QUOTED_LINES) {
            last.removeFirst();
          }
        }
      } finally {
        if (process.isAlive()) {
          process.destroy();
        }
      }
      int exit = process.waitFor();
      ticker.interrupt();
      if (timedOut.get()) {
        throw new NetrootException(
            "mmdebstrap did not finish within "
                + (limit.toMinutes() > 0
                    ? limit.toMinutes() + " minutes"
                    : limit.toSeconds() + " s")
                + " and was stopped: "
                + String.join("\n  ", last));
      }
      if (exit != 0) {
        throw new NetrootException(
            "mmdebstrap failed (exit " + exit + "): " + String.join("\n  ", last));
      }
    } catch (IOException e) {
      throw new NetrootException("cannot run mmdebstrap: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetrootException("interrupted while building an image", e);
    }
  }

  /** A path as one shell word; netroot's own paths, checked to hold nothing a shell would read. */
  static String quoted(Path path) {
    String text = path.toString();
    if (!text.matches("[A-Za-z0-9/._+-]+")) {
      throw new NetrootException(
          "cannot pass " + text + " to an mmdebstrap hook: only letters, digits and / . _ + -");
    }
    return "'" + text + "'";
  }
}
