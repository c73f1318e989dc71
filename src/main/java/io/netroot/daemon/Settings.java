package io.netroot.daemon;

import io.netroot.DriftPolicy;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

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
 * @param stallTimeout how long a pass may go without progress before the agent counts as stuck
 *     ({@code /healthz} fails, the watchdog is no longer fed); {@code null} for the default
 * @param deletionQuiet how long the specs directory must have been unchanged before a large removal
 *     is made ({@link DeletionHold}); {@code null} for the default
 */
public record Settings(
    Path specs,
    RootFs root,
    ServiceBackend services,
    Duration interval,
    Duration splay,
    DriftPolicy onDrift,
    Integer http,
    String gitUrl,
    String gitBranch,
    Path gitCache,
    Duration lockTimeout,
    Map<String, String> environment,
    Duration specDebounce,
    Duration fileDebounce,
    Duration stallTimeout,
    Duration deletionQuiet) {

  /** {@link #http} asking for any free port, which {@link Agent#httpPort()} then tells. */
  public static final int ANY_PORT = -1;

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final int DEFAULT_HTTP = 9779;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(5);
  public static final Duration DEFAULT_GIT_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Longer than any one step of a pass that shows no progress may take: a service restart is given
   * up after 120 s, {@code dhcpd -t} after 60 s. An image fill shows progress through the CPU time
   * of its {@code tar}.
   */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(3);

  public static final Duration DEFAULT_DELETION_QUIET = Duration.ofSeconds(10);

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
        Duration.ofMillis(300),
        null,
        null);
  }

  public Settings withInterval(Duration value, Duration splayValue) {
    return edit(
        b -> {
          b.interval = value;
          b.splay = splayValue;
        });
  }

  public Settings withOnDrift(DriftPolicy value) {
    return edit(b -> b.onDrift = value);
  }

  public Settings withHttp(Integer port) {
    return edit(b -> b.http = port);
  }

  public Settings withGit(String url, String branch, Path cache) {
    return edit(
        b -> {
          b.gitUrl = url;
          b.gitBranch = branch;
          b.gitCache = cache;
        });
  }

  public Settings withLockTimeout(Duration value) {
    return edit(b -> b.lockTimeout = value);
  }

  public Settings withEnvironment(Map<String, String> value) {
    return edit(b -> b.environment = value);
  }

  public Settings withDebounce(Duration specs, Duration files) {
    return edit(
        b -> {
          b.specDebounce = specs;
          b.fileDebounce = files;
        });
  }

  public Settings withStallTimeout(Duration value) {
    return edit(b -> b.stallTimeout = value);
  }

  public Settings withDeletionQuiet(Duration value) {
    return edit(b -> b.deletionQuiet = value);
  }

  /** A copy with some fields changed: the one place every component is listed again. */
  private Settings edit(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return new Settings(
        copy.specs,
        copy.root,
        copy.services,
        copy.interval,
        copy.splay,
        copy.onDrift,
        copy.http,
        copy.gitUrl,
        copy.gitBranch,
        copy.gitCache,
        copy.lockTimeout,
        copy.environment,
        copy.specDebounce,
        copy.fileDebounce,
        copy.stallTimeout,
        copy.deletionQuiet);
  }

  /** The components of a {@link Settings}, open to change while a copy is made. */
  private static final class Copy {
    Path specs;
    RootFs root;
    ServiceBackend services;
    Duration interval;
    Duration splay;
    DriftPolicy onDrift;
    Integer http;
    String gitUrl;
    String gitBranch;
    Path gitCache;
    Duration lockTimeout;
    Map<String, String> environment;
    Duration specDebounce;
    Duration fileDebounce;
    Duration stallTimeout;
    Duration deletionQuiet;

    Copy(Settings s) {
      specs = s.specs;
      root = s.root;
      services = s.services;
      interval = s.interval;
      splay = s.splay;
      onDrift = s.onDrift;
      http = s.http;
      gitUrl = s.gitUrl;
      gitBranch = s.gitBranch;
      gitCache = s.gitCache;
      lockTimeout = s.lockTimeout;
      environment = s.environment;
      specDebounce = s.specDebounce;
      fileDebounce = s.fileDebounce;
      stallTimeout = s.stallTimeout;
      deletionQuiet = s.deletionQuiet;
    }
  }
}
