package io.netroot.os;

import io.netroot.NetrootException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program and measures its wall time from start to exit, for benchmarks: stdout is thrown
 * away (or kept, when asked), stderr is kept so the program can report on itself there.
 */
public final class TimedProcess {

  /** What a timed run left behind. */
  public record Result(int exitCode, long nanos, String stdout, String stderr) {
    public double seconds() {
      return nanos / 1e9;
    }
  }

  private TimedProcess() {}

  /**
   * @param environment variables to add to (or replace in) this process's environment
   * @param keepStdout whether stdout is kept in the result rather than discarded
   * @param timeoutSeconds the run is killed and fails after this long
   */
  public static Result run(
      List<String> command,
      Map<String, String> environment,
      boolean keepStdout,
      long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = null;
    Path err = null;
    try {
      err = Files.createTempFile("netroot-bench", ".err");
      builder.redirectError(err.toFile());
      if (keepStdout) {
        out = Files.createTempFile("netroot-bench", ".out");
        builder.redirectOutput(out.toFile());
      } else {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      }
      long started = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new NetrootException(
            command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      long nanos = System.nanoTime() - started;
      return new Result(
          process.exitValue(),
          nanos,
          out == null ? "" : Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetrootException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetrootException("interrupted while running " + command.get(0), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
