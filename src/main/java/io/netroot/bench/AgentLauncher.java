package io.netroot.bench;

import io.netroot.NetrootException;
import io.netroot.os.TimedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's launcher ({@code bin/agent}) as {@link BenchRunner} runs it: one whole timed process
 * per measurement, with {@code --stats} so that it reports its peak heap and RSS, and an exit code
 * that says whether the step worked.
 */
final class AgentLauncher {

  /** How long any one process of the benchmark may take. */
  static final long TIMEOUT_SECONDS = 3600;

  private static final Pattern STATS =
      Pattern.compile("netroot-stats: heap_peak_bytes=(\\d+) rss_peak_kb=(-?\\d+)");

  private final Path agent;

  AgentLauncher(Path agent) {
    this.agent = agent;
  }

  /** Runs the launcher with {@code --stats} and {@code args}, in {@code env}, and times it. */
  TimedProcess.Result run(Map<String, String> env, boolean keepStdout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(agent.toString());
    command.add("--stats");
    command.addAll(Arrays.asList(args));
    return TimedProcess.run(command, env, keepStdout, TIMEOUT_SECONDS);
  }

  /** Exit codes 0 and 2 (changes or drift) are fine; anything else stops the benchmark. */
  static void check(TimedProcess.Result result, String step) {
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
}
