package io.netroot.bench;

import io.netroot.NetrootException;
import io.netroot.os.TimedProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times whole agent processes on generated fleets. Each step runs {@code runs} times; the table
 * gives the median wall time and the largest peak heap and RSS the agent reported ({@code --stats})
 * over those runs.
 */
public final class BenchRunner {

  private static final Pattern STATS =
      Pattern.compile("netroot-stats: heap_peak_bytes=(\\d+) rss_peak_kb=(-?\\d+)");
  private static final long TIMEOUT_SECONDS = 3600;

  private final Path agent;
  private final int runs;
  private final int applyRuns;
  private final int maxHeapFrom;
  private final PrintWriter out;
  private final List<Row> rows = new ArrayList<>();

  /** One measured step. */
  record Row(int hosts, String step, List<Long> nanos, long heapBytes, long rssKb, String note) {
    double median() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int n = sorted.length;
      return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e9;
    }

    double min() {
      return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e9;
    }

    double max() {
      return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e9;
    }
  }

  public BenchRunner(Path agent, int runs, int applyRuns, int maxHeapFrom, PrintWriter out) {
    if (runs < 1 || applyRuns < 1) {
      throw new NetrootException("--runs must be at least 1");
    }
    if (!Files.isExecutable(agent)) {
      throw new NetrootException(agent + " is not an executable launcher; give --agent");
    }
    this.agent = agent.toAbsolutePath();
    this.runs = runs;
    this.applyRuns = applyRuns;
    this.maxHeapFrom = maxHeapFrom;
    this.out = out;
  }

  /** Runs every size, prints each row as it comes and returns the whole table as Markdown. */
  public String run(List<Integer> sizes, Path workDir) {
    Path work = workDir;
    boolean temporary = work == null;
    try {
      work = temporary ? Files.createTempDirectory("netroot-bench") : work;
      Files.createDirectories(work);
      out.printf("netroot bench: %d run(s) per step, work in %s%n", runs, work);
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
    String markdown = markdown();
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
    FleetGenerator generator = new FleetGenerator(hosts, 4, 4, 1);
    generator.write(specs);
    Map<String, String> env = new HashMap<>();
    if (hosts >= maxHeapFrom) {
      String opts = System.getenv().getOrDefault("NETROOT_JAVA_OPTS", "");
      env.put("NETROOT_JAVA_OPTS", (opts + " -Xmx512m").trim());
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
          agent(env, false, "apply", "--specs", s, "--root", target.toString());
      check(result, "apply");
      applies.add(result.nanos());
      long[] stats = stats(result);
      heap = Math.max(heap, stats[0]);
      rss = Math.max(rss, stats[1]);
      if (i > 0) {
        delete(target);
      }
    }
    add(new Row(hosts, "apply, from empty", applies, heap, rss, ""));
    String r = root.toString();
    measure(hosts, "plan, nothing changed", runs, env, "plan", "--specs", s, "--root", r);
    measure(hosts, "drift, nothing changed", runs, env, "drift", "--specs", s, "--root", r);
    daemonPass(hosts, env, s, r);
    floor(hosts, root, dir);
    generator.changeOneHost(specs, hosts / 2);
    measure(hosts, "plan, one host changed", runs, env, "plan", "--specs", s, "--root", r);
    delete(dir);
  }

  /** The daemon's steady-state pass: warm passes in one JVM, the median of the warm ones. */
  private void daemonPass(int hosts, Map<String, String> env, String specs, String root) {
    int passes = Math.max(5, runs);
    TimedProcess.Result result =
        agent(
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
    check(result, "bench pass");
    List<Long> warm = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 4 && fields[0].equals("pass")) {
        warm.add(Long.parseLong(fields[2]));
        if (Boolean.parseBoolean(fields[3])) {
          throw new NetrootException("the daemon pass found changes where there should be none");
        }
      }
    }
    long[] stats = stats(result);
    add(
        new Row(
            hosts,
            "daemon pass, warm (in-process)",
            warm,
            stats[0],
            stats[1],
            passes + " warm passes after 3 warm-up passes, one JVM"));
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
                TIMEOUT_SECONDS);
        check(result, tool);
        nanos.add(result.nanos());
      }
      add(new Row(hosts, "floor: " + tool + " of the managed files", nanos, -1, -1, note));
    }
  }

  private void measure(int hosts, String step, int count, Map<String, String> env, String... args) {
    List<Long> nanos = new ArrayList<>();
    long heap = 0;
    long rss = 0;
    for (int i = 0; i < count; i++) {
      TimedProcess.Result result = agent(env, false, args);
      check(result, step);
      nanos.add(result.nanos());
      long[] stats = stats(result);
      heap = Math.max(heap, stats[0]);
      rss = Math.max(rss, stats[1]);
    }
    add(new Row(hosts, step, nanos, heap, rss, ""));
  }

  private TimedProcess.Result agent(Map<String, String> env, boolean keepStdout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(agent.toString());
    command.add("--stats");
    command.addAll(Arrays.asList(args));
    return TimedProcess.run(command, env, keepStdout, TIMEOUT_SECONDS);
  }

  /** Exit codes 0 and 2 (changes or drift) are fine; anything else stops the benchmark. */
  private static void check(TimedProcess.Result result, String step) {
    if (result.exitCode() != 0 && result.exitCode() != 2) {
      throw new NetrootException(
          step + " exited with " + result.exitCode() + ":\n" + tail(result.stderr()));
    }
  }

  private static String tail(String text) {
    return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
  }

  /** The peak heap in bytes and the peak RSS in KiB the agent reported, or -1. */
  static long[] stats(TimedProcess.Result result) {
    Matcher matcher = STATS.matcher(result.stderr());
    long[] stats = {-1, -1};
    while (matcher.find()) {
      stats[0] = Long.parseLong(matcher.group(1));
      stats[1] = Long.parseLong(matcher.group(2));
    }
    return stats;
  }

  private void add(Row row) {
    rows.add(row);
    out.printf(
        Locale.ROOT,
        "%7s  %-38s %8.3f s  (%s runs, %.3f–%.3f)  heap %s  RSS %s%n",
        row.hosts() == 0 ? "-" : Integer.toString(row.hosts()),
        row.step(),
        row.median(),
        row.nanos().size(),
        row.min(),
        row.max(),
        mb(row.heapBytes() < 0 ? -1 : row.heapBytes() / 1024),
        mb(row.rssKb()));
    out.flush();
  }

  private static String mb(long kb) {
    return kb < 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| hosts | step | median | runs (min–max) | peak heap | peak RSS |\n");
    md.append("|---:|---|---:|---|---:|---:|\n");
    for (Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.3f s | %d (%.3f–%.3f)%s | %s | %s |%n",
              row.hosts() == 0 ? "–" : String.format(Locale.ROOT, "%,d", row.hosts()),
              row.step(),
              row.median(),
              row.nanos().size(),
              row.min(),
              row.max(),
              row.note().isEmpty() ? "" : "; " + row.note(),
              mb(row.heapBytes() < 0 ? -1 : row.heapBytes() / 1024),
              mb(row.rssKb())));
    }
    md.append(ratios());
    return md.toString();
  }

  /** How each step grows from one size to the next: linear means the ratio of the sizes. */
  private String ratios() {
    List<Integer> sizes = rows.stream().map(Row::hosts).filter(h -> h > 0).distinct().toList();
    if (sizes.size() < 2) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n| step |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int i = 1; i < sizes.size(); i++) {
      md.append(String.format(Locale.ROOT, " %,d → %,d |", sizes.get(i - 1), sizes.get(i)));
      rule.append("---:|");
    }
    md.append('\n').append(rule).append('\n');
    List<String> steps =
        rows.stream().filter(r -> r.hosts() > 0).map(Row::step).distinct().toList();
    for (String step : steps) {
      md.append("| ").append(step).append(" |");
      for (int i = 1; i < sizes.size(); i++) {
        Row a = find(sizes.get(i - 1), step);
        Row b = find(sizes.get(i), step);
        md.append(
            a == null || b == null
                ? " – |"
                : String.format(
                    Locale.ROOT,
                    " %.1f× (hosts %.0f×) |",
                    b.median() / a.median(),
                    (double) sizes.get(i) / sizes.get(i - 1)));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private Row find(int hosts, String step) {
    return rows.stream()
        .filter(r -> r.hosts() == hosts && r.step().equals(step))
        .findFirst()
        .orElse(null);
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
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
