package io.netroot.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a program in a private mount namespace where the whole machine is read-only except one
 * sandbox directory: a write that escapes the sandbox fails there with "Read-only file system"
 * instead of changing this machine. Needs root ({@code unshare -m}), as CI has.
 *
 * <p>Each run is bounded: when its time is up the process and its children are killed by PID, and
 * the run says it timed out. Output goes to files in the sandbox, so a chatty child cannot block on
 * a full pipe.
 */
final class Confined {

  /**
   * Makes {@code /} read-only in the new namespace after binding the sandbox ($1) onto itself, so
   * that the sandbox stays a writable mount of its own; then runs the rest of the arguments.
   */
  private static final String SCRIPT =
      "T=$1; shift; mount --make-rprivate / && mount --bind \"$T\" \"$T\""
          + " && mount -o remount,bind,ro / && exec \"$@\"";

  private static final AtomicInteger RUNS = new AtomicInteger();

  /** What one run printed and returned. */
  record Run(String command, int exit, String out, String err, boolean timedOut, long millis) {

    /** stdout and stderr together, for messages that may go to either. */
    String output() {
      return out + err;
    }

    /** The whole run as an assertion message shows it. */
    String show() {
      return "\n$ "
          + command
          + "\nexit "
          + (timedOut ? "(killed after timeout)" : exit)
          + " after "
          + millis
          + " ms\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err
          + "--------------";
    }
  }

  private final Path sandbox;

  Confined(Path sandbox) {
    this.sandbox = sandbox.toAbsolutePath();
  }

  /** Runs {@code command} confined, killing it after {@code timeout}. */
  Run run(Duration timeout, List<String> command) {
    int n = RUNS.incrementAndGet();
    try {
      Path logs = Files.createDirectories(sandbox.resolve("out"));
      Path tmp = Files.createDirectories(sandbox.resolve("tmp"));
      Path out = logs.resolve(n + ".out");
      Path err = logs.resolve(n + ".err");
      List<String> all = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", SCRIPT, "sh"));
      all.add(sandbox.toString());
      all.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(all).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("NETROOT_CDS", "off");
      // The JVM's temporary files (JNA's native library among them) go into the sandbox; no
      // hsperfdata file in the read-only /tmp.
      builder
          .environment()
          .put("NETROOT_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -XX:-UsePerfData");
      long start = System.nanoTime();
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        kill(process);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Run(
          String.join(" ", command),
          finished ? process.exitValue() : -1,
          text(out),
          text(err),
          !finished,
          millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Bytes as UTF-8, a malformed sequence shown as U+FFFD rather than failing the test. */
  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Kills the child and whatever it started, by PID, and waits for it to be gone. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for 10 s");
    }
  }
}
