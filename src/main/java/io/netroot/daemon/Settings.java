package io.netroot.daemon;

import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.BootServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code agent run} was started with. The optional fields ({@code null} when not given)
 * override the BootServer spec's {@code agent} section.
 *
 * @param specs the specs directory (with git: only read for the agent's own settings at start)
 * @param root the root to manage
 * @param services how services are reached
 * @param interval how often everything is checked again
 * @param splay the most the first scheduled pass is delayed at random
 * @param onDrift what to do with a hand edit
 * @param http the status port on 127.0.0.1; 0 turns it off, {@link #ANY_PORT} picks a free one
 * @param gitUrl the repository to take the specs from
 * @param gitBranch its branch
 * @param gitCache where the clone is kept; default {@code <root>/var/lib/netroot/git}
 * @param lockTimeout how long to wait for another netroot to let go of the lock
 * @param environment the process environment ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC})
 * @param specDebounce how long the specs must be quiet before a change is applied
 * @param fileDebounce how long a managed file must be quiet before a hand edit is handled
 */
public record Settings(
    Path specs,
    RootFs root,
    ServiceBackend services,
    Duration interval,
    Duration splay,
    BootServer.OnDrift onDrift,
    Integer http,
    String gitUrl,
    String gitBranch,
    Path gitCache,
    Duration lockTimeout,
    Map<String, String> environment,
    Duration specDebounce,
    Duration fileDebounce) {

  /** {@link #http} asking for any free port, which {@link Agent#httpPort()} then tells. */
  public static final int ANY_PORT = -1;

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final int DEFAULT_HTTP = 9779;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(5);
  public static final Duration DEFAULT_GIT_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

  public Settings {
    environment = Map.copyOf(environment);
  }

  /** Nothing overridden: the spec's settings, else the defaults. */
  public static Settings of(Path specs, RootFs root, ServiceBackend services) {
    return new Settings(
        specs,
        root,
        services,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        DEFAULT_LOCK_TIMEOUT,
        Map.of(),
        Duration.ofSeconds(1),
        Duration.ofMillis(300));
  }

  public Settings withInterval(Duration value, Duration splayValue) {
    return new Settings(
        specs,
        root,
        services,
        value,
        splayValue,
        onDrift,
        http,
        gitUrl,
        gitBranch,
        gitCache,
        lockTimeout,
        environment,
        specDebounce,
        fileDebounce);
  }

  public Settings withOnDrift(BootServer.OnDrift value) {
    return new Settings(
        specs,
        root,
        services,
        interval,
        splay,
        value,
        http,
        gitUrl,
        gitBranch,
        gitCache,
        lockTimeout,
        environment,
        specDebounce,
        fileDebounce);
  }

  public Settings withHttp(Integer port) {
    return new Settings(
        specs,
        root,
        services,
        interval,
        splay,
        onDrift,
        port,
        gitUrl,
        gitBranch,
        gitCache,
        lockTimeout,
        environment,
        specDebounce,
        fileDebounce);
  }

  public Settings withGit(String url, String branch, Path cache) {
    return new Settings(
        specs,
        root,
        services,
        interval,
        splay,
        onDrift,
        http,
        url,
        branch,
        cache,
        lockTimeout,
        environment,
        specDebounce,
        fileDebounce);
  }

  public Settings withLockTimeout(Duration value) {
    return new Settings(
        specs,
        root,
        services,
        interval,
        splay,
        onDrift,
        http,
        gitUrl,
        gitBranch,
        gitCache,
        value,
        environment,
        specDebounce,
        fileDebounce);
  }

  public Settings withEnvironment(Map<String, String> value) {
    return new Settings(
        specs,
        root,
        services,
        interval,
        splay,
        onDrift,
        http,
        gitUrl,
        gitBranch,
        gitCache,
        lockTimeout,
        value,
        specDebounce,
        fileDebounce);
  }

  public Settings withDebounce(Duration specs, Duration files) {
    return new Settings(
        this.specs,
        root,
        services,
        interval,
        splay,
        onDrift,
        http,
        gitUrl,
        gitBranch,
        gitCache,
        lockTimeout,
        environment,
        specs,
        files);
  }
}
