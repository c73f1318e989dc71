package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs external programs with a time limit and captures what they print. */
public final class CommandRunner {

  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  /** What a finished program left behind. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final long timeoutSeconds;

  public CommandRunner(long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs {@code command}, merging stderr into the output. */
  public Result run(List<String> command) {
    return run(command, java.util.Map.of());
  }

  /** Runs {@code command} with {@code environment} added to this process's, merging stderr. */
  public Result run(List<String> command, java.util.Map<String, String> environment) {
    log.debug("running {}", command);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new NetrootException(
            command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetrootException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetrootException("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * Finds a program on {@code PATH}, then in the sbin directories, which a non-login root shell may
   * lack on its PATH.
   */
  public static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : (path + ":/usr/local/sbin:/usr/sbin:/sbin").split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
