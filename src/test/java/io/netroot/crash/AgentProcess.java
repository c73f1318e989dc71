package io.netroot.crash;

import io.netroot.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code bin/agent} process, or any other program the harness runs: started with its output in
 * files (never a pipe that could fill and stall it), waited for with a time limit, and killed by
 * PID, the JVM and everything it started, when the limit passes or a trial says so.
 */
final class AgentProcess {

  /** The launcher, run from the project directory as failsafe does. */
  static final String AGENT = "bin/agent";

  private static final AtomicLong COUNTER = new AtomicLong();

  /** What a finished process left: its exit code, what it printed, and how long it ran. */
  record Result(int exit, String out, String err, Duration took) {
    String both() {
      return out + err;
    }
  }

  private final Process process;
  private final long startedNanos;
  private final Path out;
  private final Path err;
  private final List<String> command;

  private AgentProcess(List<String> command, Path scratch, Map<String, String> env) {
    this.command = command;
    long n = COUNTER.incrementAndGet();
    this.out = scratch.resolve("out-" + n);
    this.err = scratch.resolve("err-" + n);
    try {
      Files.createDirectories(scratch);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      this.startedNanos = System.nanoTime();
      this.process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Starts {@code bin/agent ARGS}; its output goes to files under {@code scratch}. */
  static AgentProcess agent(Path scratch, String... args) {
    return agent(scratch, Map.of(), args);
  }

  /** Starts {@code bin/agent ARGS} with more environment variables (stand-ins on PATH). */
  static AgentProcess agent(Path scratch, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(AGENT);
    command.addAll(List.of(args));
    return new AgentProcess(command, scratch, env);
  }

  /** Starts any program, for {@code dhcpd -t} and {@code cp}. */
  static AgentProcess program(Path scratch, List<String> command) {
    return new AgentProcess(List.copyOf(command), scratch, Map.of());
  }

  /** Starts any program with more environment variables, for {@code unshare}. */
  static AgentProcess program(Path scratch, List<String> command, Map<String, String> env) {
    return new AgentProcess(List.copyOf(command), scratch, env);
  }

  /**
   * Runs the agent's command line {@code ARGS} in this JVM, already warm, and returns what it
   * printed: for the checks after a kill, which only observe what the killed process left, so that
   * a trial costs one JVM start (the one killed) and not five.
   */
  static Result inThisJvm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long started = System.nanoTime();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = Main.run(o, e, args);
    }
    return new Result(
        exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs {@code bin/agent ARGS} to its end, killed if it outlives {@code limit}. */
  static Result run(Path scratch, Duration limit, String... args) {
    return agent(scratch, args).await(limit);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Duration running() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /**
   * Whether the process is the JVM yet: {@code bin/agent} is a shell script that ends in {@code
   * exec java}, so the same PID is the shell first and java after.
   */
  boolean isJava() {
    try {
      return Files.readString(Path.of("/proc/" + pid() + "/comm")).strip().equals("java");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@code kill -9} by PID: the process first (so it starts nothing more), then whatever it had
   * started ({@code dhcpd -t}, say), then waits until it is gone.
   */
  void kill9() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pid " + pid() + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing pid " + pid(), e);
    }
  }

  /** SIGTERM, as systemd stops the service; killed if it is not gone within {@code limit}. */
  Result terminate(Duration limit) {
    process.destroy();
    return await(limit);
  }

  /** Waits for the end; past {@code limit} the process is killed and that is an error. */
  Result await(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        kill9();
        throw new AssertionError(command + " did not finish within " + limit + "; killed");
      }
      Duration took = running();
      return new Result(process.exitValue(), read(out), read(err), took);
    } catch (InterruptedException e) {
      kill9();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // scratch is removed with its directory anyway
    }
  }
}
