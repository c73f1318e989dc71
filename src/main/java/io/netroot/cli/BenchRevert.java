package io.netroot.cli;

import io.netroot.NetrootException;
import io.netroot.daemon.Agent;
import io.netroot.daemon.Settings;
import io.netroot.os.ServiceBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hidden {@code agent bench revert}: how long {@code agent run} takes to put back a hand edit of
 * one managed file, from the write to the revert on disk. The agent runs in this JVM on an applied
 * root (services not touched, no HTTP, no schedule within the run); a host's PXE file is edited
 * again and again, each time once the last edit is reverted and the agent is idle.
 */
@Command(
    name = "revert",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Time hand edits reverted by agent run.",
      "Runs the agent in this JVM on an applied --root, edits the first host's PXE file again and"
          + " again, and prints one line per edit: revert, its number, and the nanoseconds from"
          + " the write to the file being back as netroot wrote it."
    })
final class BenchRevert implements Callable<Integer> {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Mixin SpecOptions options;

  @Option(
      names = "--edits",
      defaultValue = "7",
      paramLabel = "N",
      description = "Hand edits to make, one at a time (default: ${DEFAULT-VALUE}).")
  int edits;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (options.root == null) {
      throw new NetrootException("bench revert needs --root: it edits files under it");
    }
    Path file = hostFile(options.root);
    Settings settings =
        Settings.of(options.specs, options.rootFs(), ServiceBackend.none())
            .withInterval(Duration.ofHours(24), Duration.ZERO)
            .withHttp(0);
    Agent agent = new Agent(settings);
    Thread thread = new Thread(agent::run, "bench-agent");
    thread.start();
    try {
      if (!agent.awaitFirstPass(LIMIT)) {
        throw new NetrootException("the agent's first pass took longer than " + LIMIT);
      }
      String original = Files.readString(file);
      for (int i = 0; i < edits; i++) {
        long passes = agent.passes();
        Files.writeString(file, original + "# hand edit " + i + "\n");
        long started = System.nanoTime();
        long deadline = started + LIMIT.toNanos();
        while (!original.equals(readQuietly(file))) {
          if (System.nanoTime() > deadline) {
            throw new NetrootException(
                "the hand edit of " + file + " was not reverted in " + LIMIT);
          }
          Thread.sleep(1);
        }
        long nanos = System.nanoTime() - started;
        spec.commandLine().getOut().printf("revert %d %d%n", i, nanos);
        // the pass that reverted it ends before the next edit, so each edit meets an idle agent
        long end = System.nanoTime() + LIMIT.toNanos();
        while (agent.passes() <= passes && System.nanoTime() < end) {
          Thread.sleep(5);
        }
        Thread.sleep(400);
      }
    } finally {
      agent.stop();
      agent.awaitStopped(LIMIT);
    }
    return ExitCodes.OK;
  }

  /** The first host's PXE file under the root: a file netroot keeps whole. */
  private static Path hostFile(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(
              p ->
                  p.getFileName().toString().startsWith("01-")
                      && p.getParent().getFileName().toString().equals("pxelinux.cfg"))
          .sorted()
          .findFirst()
          .orElseThrow(
              () -> new NetrootException("no host PXE file under " + root + ": apply first"));
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | UncheckedIOException e) {
      return null; // between the agent's rename and the read
    }
  }
}
