package io.netroot.daemon;

import io.netroot.DriftPolicy;
import io.netroot.spec.BootServer;
import java.time.Duration;

/**
 * The agent's settings in force: the command line over the BootServer spec's {@code agent} section
 * over the defaults.
 */
record AgentConfig(
    Duration interval,
    Duration splay,
    DriftPolicy onDrift,
    int http,
    Duration retryBase,
    Duration retryCap,
    String gitUrl,
    String gitBranch,
    Duration gitInterval) {

  static AgentConfig resolve(Settings flags, BootServer.Agent spec) {
    BootServer.Agent a = spec == null ? BootServer.Agent.UNSET : spec;
    Duration interval = first(flags.interval(), a.interval(), Settings.DEFAULT_INTERVAL);
    BootServer.Retry retry = a.retry() == null ? new BootServer.Retry(null, null) : a.retry();
    BootServer.Git git = a.git() == null ? new BootServer.Git(null, null, null) : a.git();
    boolean gitFromFlags = flags.gitUrl() != null;
    return new AgentConfig(
        interval,
        first(flags.splay(), a.splay(), interval.dividedBy(10)),
        first(flags.onDrift(), a.onDrift(), DriftPolicy.REVERT),
        first(flags.http(), a.http(), Settings.DEFAULT_HTTP),
        first(retry.base(), null, Settings.DEFAULT_RETRY_BASE),
        first(retry.cap(), null, Settings.DEFAULT_RETRY_CAP),
        gitFromFlags ? flags.gitUrl() : git.url(),
        gitFromFlags ? flags.gitBranch() : first(flags.gitBranch(), git.branch(), null),
        first(git.interval(), null, Settings.DEFAULT_GIT_INTERVAL));
  }

  private static <T> T first(T flag, T spec, T fallback) {
    return flag != null ? flag : spec != null ? spec : fallback;
  }
}
