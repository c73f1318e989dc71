package io.netroot.cli;

import io.netroot.bench.BenchRunner;
import io.netroot.bench.FleetGenerator;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agent bench}: generate synthetic fleets and time netroot on them. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic fleets and time validate, plan, apply and drift on them.",
    subcommands = {
      BenchCommand.Generate.class,
      BenchCommand.Run.class,
      BenchCommand.Pass.class,
      BenchRevert.class,
      BenchCommand.Train.class,
      CommandLine.HelpCommand.class
    })
final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a bench command is required (generate, run)");
  }

  /** {@code agent bench generate}: write a fleet's specs. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Write the specs of a synthetic fleet of N hosts into DIR.",
        "One BootServer, /16 networks, kernels, root images, exports, profiles, and the hosts "
            + "in one file per network (or, with --layout one-file, in one hosts.yaml). Small kernel image files are written under DIR/kernels/ so "
            + "that plan and apply work."
      })
  static final class Generate implements Callable<Integer> {
    @Option(names = "--hosts", required = true, paramLabel = "N", description = "Hosts.")
    int hosts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out;

    @Option(
        names = "--networks",
        defaultValue = "4",
        paramLabel = "K",
        description = "/16 networks (default: ${DEFAULT-VALUE}).")
    int networks;

    @Option(
        names = "--profiles",
        defaultValue = "4",
        paramLabel = "P",
        description =
            "Profiles; kernels and root images are half as many (default: ${DEFAULT-VALUE}).")
    int profiles;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "Chooses networks, profiles and MACs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--layout",
        defaultValue = "per-network",
        paramLabel = "LAYOUT",
        description =
            "per-network: the hosts in hosts/NETWORK.yaml, one file per network; one-file: all"
                + " of them in hosts.yaml (default: ${DEFAULT-VALUE}).")
    String layout;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      FleetGenerator.Layout hostsLayout = FleetGenerator.Layout.of(layout);
      new FleetGenerator(hosts, networks, profiles, seed, hostsLayout).write(out);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: %d hosts over %d networks, %d profiles, hosts laid out %s%n",
              out, hosts, networks, profiles, hostsLayout);
      return ExitCodes.OK;
    }
  }

  /** {@code agent bench run}: the benchmark. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Time validate, plan, apply, drift and the daemon's pass at each fleet size.",
        "Generates fleets of each size into a temporary directory and times whole agent processes "
            + "(bin/agent, so with its JVM flags): validate, plan on an empty root, apply from empty, "
            + "plan and drift with nothing to change, the daemon's warm pass, plan after one host "
            + "changed; and the floor: cat and sha256sum over the managed files."
      })
  static final class Run implements Callable<Integer> {
    @Option(
        names = "--sizes",
        split = ",",
        defaultValue = "1000,10000,50000",
        paramLabel = "N,…",
        description = "Fleet sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>();

    @Option(
        names = "--runs",
        defaultValue = "3",
        paramLabel = "R",
        description = "Runs of each step; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--apply-runs",
        paramLabel = "R",
        description = "Runs of apply from empty, the slowest step (default: --runs).")
    Integer applyRuns;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as Markdown.")
    Path out;

    @Option(
        names = "--agent",
        defaultValue = "bin/agent",
        paramLabel = "PATH",
        description = "The launcher to time (default: ${DEFAULT-VALUE}).")
    Path agent;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        description = "Where fleets and roots go (default: a new temporary directory, removed).")
    Path work;

    @Option(
        names = "--max-heap-from",
        defaultValue = "0",
        paramLabel = "N",
        description =
            "Fleets of N hosts or more run with -Xmx set to --max-heap (default: ${DEFAULT-VALUE},"
                + " every fleet).")
    int maxHeapFrom;

    @Option(
        names = "--max-heap",
        defaultValue = "512m",
        paramLabel = "SIZE",
        description =
            "The -Xmx of the fleets' agent processes; the peak heap is reported beside each step"
                + " (default: ${DEFAULT-VALUE}).")
    String maxHeap;

    @Option(
        names = "--layout",
        defaultValue = "per-network",
        paramLabel = "LAYOUT",
        description =
            "Where the fleets keep their hosts: per-network (one file per network) or one-file"
                + " (one hosts.yaml) (default: ${DEFAULT-VALUE}).")
    String layout;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      BenchRunner runner =
          new BenchRunner(
              agent,
              runs,
              applyRuns == null ? runs : applyRuns,
              maxHeapFrom,
              maxHeap,
              FleetGenerator.Layout.of(layout),
              spec.commandLine().getOut());
      String markdown = runner.run(sizes, work);
      if (out != null) {
        BenchRunner.writeMarkdown(out, markdown);
      }
      return ExitCodes.OK;
    }
  }

  /** Hidden {@code agent bench pass}: the daemon's steady-state pass, warm, in one JVM. */
  @Command(
      name = "pass",
      hidden = true,
      mixinStandardHelpOptions = true,
      description = {
        "Time warm reconcile passes in one JVM.",
        "Each pass loads, compiles and applies the specs as the agent's passes do; prints one line"
            + " per pass: warmup|pass, its number, wall nanoseconds, whether it changed"
            + " anything, and the process's CPU nanoseconds."
      })
  static final class Pass implements Callable<Integer> {
    @Mixin SpecOptions options;

    @Option(
        names = "--warmup",
        defaultValue = "3",
        paramLabel = "N",
        description = "Passes run first and not timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--passes",
        defaultValue = "7",
        paramLabel = "N",
        description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int passes;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (int i = 0; i < warmup + passes; i++) {
        long cpuBefore = cpu();
        long started = System.nanoTime();
        Report report = daemonPass(options);
        long nanos = System.nanoTime() - started;
        if (report.hasFailures()) {
          spec.commandLine().getErr().println("bench pass: the pass has failures");
          return ExitCodes.ERROR;
        }
        long cpu = cpu() - cpuBefore;
        spec.commandLine()
            .getOut()
            .printf(
                "%s %d %d %b %d%n",
                i < warmup ? "warmup" : "pass", i, nanos, report.hasChanges(), cpu);
      }
      return ExitCodes.OK;
    }

    /**
     * The CPU time of the whole process so far (every thread, the JIT and the GC too), in
     * nanoseconds: on a machine shared with other work, a figure the others' load changes less than
     * the wall time.
     */
    private static long cpu() {
      return ((com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /**
     * One steady-state daemon pass: load, compile and reconcile (apply), the way {@code agent run}
     * makes it: one pipeline kept across passes, with its caches.
     */
    Report daemonPass(SpecOptions options) {
      if (pipeline == null) {
        pipeline = new Pipeline(options.rootFs(), options.serviceBackend(), Clock.systemUTC());
      }
      return pipeline.run(options.specs, Options.apply(false), null);
    }

    private Pipeline pipeline;
  }

  /**
   * Hidden {@code agent bench train}: loads the classes of every common command by running them on
   * a small generated fleet, in a temporary directory that is removed after. {@code bin/agent} runs
   * it once with {@code -XX:ArchiveClassesAtExit} to make the AppCDS archive.
   */
  @Command(
      name = "train",
      hidden = true,
      mixinStandardHelpOptions = true,
      description = "Exercise every command once, quietly.")
  static final class Train implements Callable<Integer> {
    @Override
    public Integer call() throws java.io.IOException {
      Path dir = java.nio.file.Files.createTempDirectory("netroot-train");
      java.io.PrintStream out = System.out;
      java.io.PrintStream err = System.err;
      java.io.PrintStream none = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      try {
        Path specs = dir.resolve("specs");
        String root = dir.resolve("root").toString();
        FleetGenerator generator = new FleetGenerator(40, 2, 2, 1);
        generator.write(specs);
        System.setOut(none);
        System.setErr(none);
        String s = specs.toString();
        Main.run("validate", "--specs", s);
        Main.run("plan", "--specs", s, "--root", root);
        Main.run("apply", "--specs", s, "--root", root);
        Main.run("plan", "--specs", s, "--root", root, "--json");
        Main.run("drift", "--specs", s, "--root", root);
        generator.changeOneHost(specs, 3);
        Main.run("plan", "--specs", s, "--root", root);
        Main.run("apply", "--specs", s, "--root", root, "--json");
        Main.run("drift", "--specs", s, "--root", root, "--json");
        Main.run("backups", "--root", root);
        Main.run("--help");
        Main.run("--version");
      } finally {
        System.setOut(out);
        System.setErr(err);
        io.netroot.bench.BenchRunner.delete(dir);
      }
      return ExitCodes.OK;
    }
  }
}
