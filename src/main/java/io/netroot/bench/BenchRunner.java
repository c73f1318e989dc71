package io.netroot.bench;

import io.netroot.NetrootException;
import io.netroot.os.TimedProcess;
import io.netroot.os.Trees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times whole agent processes on generated fleets. Each step runs {@code runs} times; the table
 * gives the median wall time and the largest peak heap and RSS the agent reported ({@code --stats})
 * over those runs. This class holds the steps; {@link AgentLauncher} runs each process and {@link
 * BenchReport} keeps and prints the table.
 */
public final class BenchRunner {

  private final AgentLauncher agent;
  private final int runs;
  private final int applyRuns;
  private final int maxHeapFrom;
  private final String maxHeap;
  private final FleetGenerator.Layout layout;
  private final PrintWriter out;
  private final BenchReport report;

  /**
   * @param maxHeapFrom fleets of this many hosts or more run with {@code -Xmx} set to {@code
   *     maxHeap}
   * @param maxHeap the {@code -Xmx} value, such as {@code 512m}
   * @param layout where the generated fleets keep their hosts: one file per network or one file
   */
  public BenchRunner(
      Path agent,
      int runs,
      int applyRuns,
      int maxHeapFrom,
      String maxHeap,
      FleetGenerator.Layout layout,
      PrintWriter out) {
    if (runs < 1 || applyRuns < 1) {
      throw new NetrootException("--runs must be at least 1");
    }
    if (!Files.isExecutable(agent)) {
      throw new NetrootException(agent + " is not an executable launcher; give --agent");
    }
    this.agent = new AgentLauncher(agent.toAbsolutePath());
    this.runs = runs;
    this.applyRuns = applyRuns;
    if (!maxHeap.matches("[1-9][0-9]*[kKmMgG]?")) {
      throw new NetrootException("--max-heap must be a size such as 512m or 1g");
    }
    this.maxHeapFrom = maxHeapFrom;
    this.maxHeap = maxHeap;
    this.layout = layout;
    this.out = out;
    this.report = new BenchReport(out);
  }

  /** Runs every size, prints each row as it comes and returns the whole table as Markdown. */
  public String run(List<Integer> sizes, Path workDir) {
    Path work = workDir;
    boolean temporary = work == null;
    try {
      work = temporary ? Files.createTempDirectory("netroot-bench") : work;
      Files.createDirectories(work);
      out.printf(
          "netroot bench: %d run(s) per step, hosts laid out %s, -Xmx%s from %d hosts, work in"
              + " %s%n",
          runs, layout, maxHeap, maxHeapFrom, work);
      startup(work);
      for (int hosts : sizes) {
        fleet(hosts, work.resolve("fleet-" + hosts));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary && work != null) {
        delete(work);
      }
    }
    String markdown = report.markdown();
    out.println();
    out.print(markdown);
    out.flush();
    return markdown;
  }

  /** JVM start: the version and a tiny validate. */
  private void startup(Path work) {
    Path specs = work.resolve("tiny/specs");
    new FleetGenerator(10, 1, 2, 1).write(specs);
    measure(0, "--version", runs, Map.of(), "--version");
    measure(0, "validate (10 hosts)", runs, Map.of(), "validate", "--specs", specs.toString());
  }

  private void fleet(int hosts, Path dir) {
    Path specs = dir.resolve("specs");
    FleetGenerator generator = new FleetGenerator(hosts, 4, 4, 1, layout);
    generator.write(specs);
    Map<String, String> env = new HashMap<>();
    if (hosts >= maxHeapFrom) {
      String opts = System.getenv().getOrDefault("NETROOT_JAVA_OPTS", "");
      env.put("NETROOT_JAVA_OPTS", (opts + " -Xmx" + maxHeap).trim());
    }
    String s = specs.toString();
    Path empty = dir.resolve("empty-root");
    Path root = dir.resolve("root");
    mkdirs(empty);

    measure(hosts, "validate", runs, env, "validate", "--specs", s);
    measure(hosts, "plan, empty root", runs, env, "plan", "--specs", s, "--root", empty.toString());
    List<Long> applies = new ArrayList<>();
    long heap = 0;
    long rss = 0;
    for (int i = 0; i < applyRuns; i++) {
      Path target = i == 0 ? root : dir.resolve("root-" + i);
      mkdirs(target);
      TimedProcess.Result result =
          agent.run(env, false, "apply", "--specs", s, "--root", target.toString());
      AgentLauncher.check(result, "apply");
      applies.add(result.nanos());
      long[] stats = AgentLauncher.stats(result);
      heap = Math.max(heap, stats[0]);
      rss = Math.max(rss, stats[1]);
      if (i > 0) {
        delete(target);
      }
    }
    report.add(new BenchReport.Row(hosts, "apply, from empty", applies, heap, rss, ""));
    String r = root.toString();
    measure(hosts, "plan, nothing changed", runs, env, "plan", "--specs", s, "--root", r);
    measure(hosts, "drift, nothing changed", runs, env, "drift", "--specs", s, "--root", r);
    daemonPass(hosts, env, s, r);
    revert(hosts, env, s, r);
    floor(hosts, root, dir);
    generator.changeOneHost(specs, hosts / 2);
    measure(hosts, "plan, one host changed", runs, env, "plan", "--specs", s, "--root", r);
    delete(dir);
  }

  /** The daemon's steady-state pass: warm passes in one JVM, the median of the warm ones. */
  private void daemonPass(int hosts, Map<String, String> env, String specs, String root) {
    int passes = Math.max(5, runs);
    TimedProcess.Result result =
        agent.run(
            env,
            true,
            "bench",
            "pass",
            "--specs",
            specs,
            "--root",
            root,
            "--warmup",
            "3",
            "--passes",
            Integer.toString(passes));
    AgentLauncher.check(result, "bench pass");
    List<Long> warm = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 5 && fields[0].equals("pass")) {
        warm.add(Long.parseLong(fields[2]));
        cpu.add(Long.parseLong(fields[4]));
        if (Boolean.parseBoolean(fields[3])) {
          throw new NetrootException("the daemon pass found changes where there should be none");
        }
      }
    }
    long[] stats = AgentLauncher.stats(result);
    report.add(
        new BenchReport.Row(
            hosts,
            "daemon pass, warm (in-process)",
            warm,
            stats[0],
            stats[1],
            passes
                + " warm passes after 3 warm-up passes, one JVM; CPU time of the process per"
                + " pass, median: "
                + String.format(
                    "%.3f s", new BenchReport.Row(hosts, "", cpu, -1, -1, "").median())));
  }

  /** From a hand edit of one managed file to its revert by {@code agent run}, in one JVM. */
  private void revert(int hosts, Map<String, String> env, String specs, String root) {
    int edits = Math.max(5, runs);
    TimedProcess.Result result =
        agent.run(
            env,
            true,
            "bench",
            "revert",
            "--specs",
            specs,
            "--root",
            root,
            "--edits",
            Integer.toString(edits));
    AgentLauncher.check(result, "bench revert");
    List<Long> nanos = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 3 && fields[0].equals("revert")) {
        nanos.add(Long.parseLong(fields[2]));
      }
    }
    long[] stats = AgentLauncher.stats(result);
    report.add(
        new BenchReport.Row(
            hosts,
            "hand edit reverted (agent run)",
            nanos,
            stats[0],
            stats[1],
            edits + " edits of a host's PXE file, from the write to the revert on disk"));
  }

  /** Reading and hashing the managed files on their own, without netroot. */
  private void floor(int hosts, Path root, Path dir) {
    List<Path> files = new ArrayList<>();
    Path state = root.resolve("var/lib/netroot");
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.startsWith(state) && Files.isRegularFile(p)).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path list = dir.resolve("managed-files");
    StringBuilder nul = new StringBuilder();
    for (Path file : files) {
      nul.append(file).append('\0');
    }
    try {
      Files.writeString(list, nul, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String note = files.size() + " files";
    for (String tool : List.of("cat", "sha256sum")) {
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        TimedProcess.Result result =
            TimedProcess.run(
                List.of("xargs", "-0", "-a", list.toString(), tool),
                Map.of(),
                false,
                AgentLauncher.TIMEOUT_SECONDS);
        AgentLauncher.check(result, tool);
        nanos.add(result.nanos());
      }
      report.add(
          new BenchReport.Row(
              hosts, "floor: " + tool + " of the managed files", nanos, -1, -1, note));
    }
  }

  private void measure(int hosts, String step, int count, Map<String, String> env, String... args) {
    List<Long> nanos = new ArrayList<>();
    long heap = 0;
    long rss = 0;
    for (int i = 0; i < count; i++) {
      TimedProcess.Result result = agent.run(env, false, args);
      AgentLauncher.check(result, step);
      nanos.add(result.nanos());
      long[] stats = AgentLauncher.stats(result);
      heap = Math.max(heap, stats[0]);
      rss = Math.max(rss, stats[1]);
    }
    report.add(new BenchReport.Row(hosts, step, nanos, heap, rss, ""));
  }

  public static void writeMarkdown(Path file, String markdown) {
    try {
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NetrootException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a directory tree; nothing when it does not exist. */
  public static void delete(Path dir) {
    try {
      Trees.remove(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
