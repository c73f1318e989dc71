package io.netroot.cli;

import io.netroot.DriftPolicy;
import io.netroot.daemon.Agent;
import io.netroot.daemon.Settings;
import io.netroot.os.TermSignal;
import io.netroot.spec.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agent run}: the long-running reconciler. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the boot server as the specs say, until SIGTERM (the systemd service).",
      "Checks everything every interval, about a second after the specs change, "
          + "and within seconds of a hand edit to a managed file. Settings come from "
          + "the BootServer spec's agent section; these flags override it.",
      "Exit 0 when stopped, 1 when another netroot holds the lock."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin SpecOptions options;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "Re-check everything this often (default: spec agent.interval, else 5m).")
  String interval;

  @Option(
      names = "--splay",
      paramLabel = "DURATION",
      description =
          "Delay the schedule by up to this, at random (default: a tenth of the interval).")
  String splay;

  @Option(
      names = "--on-drift",
      paramLabel = "revert|report",
      converter = DriftPolicyConverter.class,
      description = "A hand edit is reverted (backup kept) or only reported (default: revert).")
  DriftPolicy onDrift;

  @Option(
      names = "--http",
      paramLabel = "PORT",
      description =
          "Serve /healthz, /readyz, /metrics and /status on 127.0.0.1:PORT; 0 turns it off"
              + " (default: spec agent.http, else "
              + Settings.DEFAULT_HTTP
              + ").")
  Integer http;

  @Option(
      names = "--git-url",
      paramLabel = "URL",
      description = "Take the specs from this git repository instead of --specs.")
  String gitUrl;

  @Option(names = "--git-branch", paramLabel = "BRANCH", description = "The branch to follow.")
  String gitBranch;

  @Option(
      names = "--git-cache",
      paramLabel = "DIR",
      description = "Where the clone is kept (default: <root>/var/lib/netroot/git).")
  Path gitCache;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "Wait this long for another netroot to let go of the lock (default: 30s).")
  String lockTimeout;

  @Option(
      names = "--stall-timeout",
      paramLabel = "DURATION",
      description =
          "A pass with no progress for this long is stuck: /healthz fails and the systemd"
              + " watchdog is no longer fed (default: 3m).")
  String stallTimeout;

  @Option(
      names = "--deletion-quiet",
      paramLabel = "DURATION",
      description =
          "A spec change that would remove many managed files (over 50, or over 10%% and 10)"
              + " removes them once the specs directory has been unchanged this long"
              + " (default: 10s).")
  String deletionQuiet;

  @Option(
      names = "--log-format",
      paramLabel = "text|journal|json",
      defaultValue = "text",
      description =
          "Log lines for people (default), or one JSON object per line. Under journald (stderr"
              + " is JOURNAL_STREAM) lines start with their syslog priority (<3> error); journal"
              + " always adds it.")
  String logFormat;

  @Override
  public Integer call() throws Exception {
    Logging.configure(logFormat, true);
    Duration stall = duration("--stall-timeout", stallTimeout);
    if (stall != null && (stall.isZero() || stall.isNegative())) {
      throw new io.netroot.NetrootException("--stall-timeout must be longer than 0");
    }
    Settings settings =
        Settings.of(options.specs, options.rootFs(), options.serviceBackend())
            .withInterval(duration("--interval", interval), duration("--splay", splay))
            .withOnDrift(onDrift)
            .withHttp(http)
            .withGit(gitUrl, gitBranch, gitCache)
            .withLockTimeout(duration("--lock-timeout", lockTimeout))
            .withStallTimeout(stall)
            .withDeletionQuiet(duration("--deletion-quiet", deletionQuiet))
            .withEnvironment(System.getenv());
    Agent agent = new Agent(settings);
    TermSignal.handle(agent::stop);
    agent.run();
    return ExitCodes.OK;
  }

  static Duration duration(String flag, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new io.netroot.NetrootException(flag + " " + e.getMessage());
    }
  }
}
