package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import io.netroot.os.SdNotify;
import io.netroot.os.WriterLock;
import io.netroot.spec.BootServer;
import io.netroot.spec.SpecInvalidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agent run}: keeps the boot server as the specs say until stopped, like a Kubernetes
 * controller. Every pass checks every managed thing (level-triggered). Passes ({@link PassRunner})
 * run one at a time on the thread that called {@link #run}; the {@link Triggers} only ask for one.
 * What people see of them is {@link AgentStatus}'s.
 *
 * <p>The agent is healthy while that thread waits or makes progress ({@link Liveness}); only then
 * is systemd's watchdog fed ({@link Heartbeat}). It is ready once the first pass is done and while
 * the specs in force load.
 */
public final class Agent {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Settings settings;
  private final RootFs root;
  private final Clock clock;
  private final PassRequests requests;
  private final SdNotify notify;
  private final Liveness liveness;
  private final CountDownLatch listening = new CountDownLatch(1);
  private final CountDownLatch firstPass = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  private volatile CpuProgress cpu;
  private volatile PassRunner runner;
  private volatile int httpPort;

  private AgentConfig config;
  private Backoff backoff;
  private GitSpecs git;
  private Triggers triggers;

  public Agent(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  Agent(Settings settings, Clock clock) {
    this.settings = settings;
    this.root = settings.root();
    this.clock = clock;
    this.requests = new PassRequests(clock);
    this.notify = SdNotify.fromEnvironment(settings.environment());
    Duration stall =
        settings.stallTimeout() != null ? settings.stallTimeout() : Settings.DEFAULT_STALL_TIMEOUT;
    this.liveness = new Liveness(stall, () -> cpu != null && cpu.getAsBoolean(), System::nanoTime);
  }

  /**
   * Runs until {@link #stop}: takes the lock, makes a first pass, then passes as triggers ask.
   *
   * @throws NetrootException when another netroot holds the lock past the lock timeout
   */
  public void run() {
    StatusServer http = null;
    Heartbeat heartbeat = null;
    try (WriterLock lock = WriterLock.acquire(root, settings.lockTimeout())) {
      liveness.busy("start");
      cpu = new CpuProgress(Thread.currentThread());
      String recorded = startRunner();
      config = AgentConfig.resolve(settings, startupSpecs());
      backoff = new Backoff(config.retryBase(), config.retryCap());
      if (config.gitUrl() != null) {
        git =
            new GitSpecs(
                config.gitUrl(),
                config.gitBranch(),
                gitCache(),
                recorded,
                settings.environment(),
                runner.pipeline()::load);
      }
      runner.use(backoff, git, deletionQuiet());
      heartbeat = new Heartbeat(notify, liveness);
      http = startHttp();
      listening.countDown();
      notify.send("STATUS=first pass");
      log.info(
          "netroot agent started on {} (specs from {}, every {}, on drift {})",
          root.dir(),
          git != null ? git.url : settings.specs(),
          config.interval(),
          config.onDrift().name().toLowerCase(java.util.Locale.ROOT));

      runner.pass("start", this::reconfigure);

      liveness.progress("start the triggers");
      triggers = new Triggers(settings, requests, runner, git != null);
      triggers.start(config);
      // Ready once the first pass is done and every trigger is in place.
      firstPass.countDown();
      liveness.running();
      notify.send("READY=1\nSTATUS=" + runner.status().summary());
      while (true) {
        liveness.idle();
        Optional<Instant> deletions = runner.deletionsDue();
        Optional<Instant> retry = backoff.nextRetry();
        Set<String> reasons = requests.await(earliest(retry, deletions));
        if (reasons == null) {
          break;
        }
        // Woken by no request: by the earlier of the two deadlines (a wait may end a little early).
        boolean settled =
            deletions.isPresent() && (retry.isEmpty() || !retry.get().isBefore(deletions.get()));
        String why =
            !reasons.isEmpty()
                ? String.join(", ", new TreeSet<>(reasons))
                : settled ? "specs settled" : "retry";
        Optional<Set<Path>> edited = requests.takeEdited(reasons);
        notify.send(
            "STATUS="
                + (edited.isPresent()
                    ? runner.passOver(edited.get(), this::reconfigure)
                    : runner.pass(why, this::reconfigure)));
        triggers.rewatch();
      }
      log.info("netroot agent stopping");
      notify.send("STOPPING=1");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      listening.countDown();
      firstPass.countDown();
      for (AutoCloseable c : new AutoCloseable[] {triggers, http, heartbeat}) {
        closeQuietly(c);
      }
      finished.countDown();
    }
  }

  /** Asks the agent to stop: the resource being written finishes, then the loop ends. */
  public void stop() {
    liveness.stopping();
    requests.stop();
  }

  /** Waits for {@link #run} to have returned. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the first pass is done (or the agent stopped). */
  public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
    return firstPass.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port HTTP listens on, 0 when off; waits until the server is up. */
  public int httpPort() throws InterruptedException {
    listening.await();
    return httpPort;
  }

  /** How many passes have finished. */
  public long passes() {
    PassRunner r = runner;
    return r == null ? 0 : r.passes();
  }

  /** Asks for a pass now, as a trigger would. */
  public void requestPass(String reason) {
    requests.request(reason);
  }

  private static Instant earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().isBefore(b.get()) ? a.get() : b.get();
    }
    return a.or(() -> b).orElse(null);
  }

  private Duration deletionQuiet() {
    return settings.deletionQuiet() != null
        ? settings.deletionQuiet()
        : Settings.DEFAULT_DELETION_QUIET;
  }

  /**
   * Makes the pass runner from the status file the last run left, and answers the git commit that
   * run applied. The file is let go once read: at fleet scale it is tens of megabytes.
   */
  private String startRunner() {
    Optional<JsonNode> previous = previousStatus();
    runner =
        new PassRunner(settings, clock, liveness, requests::stopped, previous, requests::handEdits);
    return previous.map(s -> s.path("git").path("applied").asText(null)).orElse(null);
  }

  /** The status file the last run left; one that cannot be read is only logged. */
  private Optional<JsonNode> previousStatus() {
    try {
      return StatusFile.read(root);
    } catch (NetrootException e) {
      log.warn("{}; starting without it", e.getMessage());
      return Optional.empty();
    }
  }

  private BootServer.Agent startupSpecs() {
    if (!Files.isDirectory(settings.specs())) {
      return BootServer.Agent.UNSET;
    }
    try {
      return runner.pipeline().load(settings.specs()).server().agent();
    } catch (SpecInvalidException e) {
      log.warn("the specs in {} do not load; the agent starts with its defaults", settings.specs());
      return BootServer.Agent.UNSET;
    }
  }

  private Path gitCache() {
    return settings.gitCache() != null ? settings.gitCache() : root.resolve("/var/lib/netroot/git");
  }

  private StatusServer startHttp() {
    int port = config.http();
    if (port == 0) {
      return null;
    }
    PassRunner passes = runner;
    StatusServer server =
        new StatusServer(
            port == Settings.ANY_PORT ? 0 : port,
            liveness::stuck,
            passes.status()::notReady,
            passes.status()::statusJson,
            () -> passes.status().metrics().render());
    httpPort = server.port();
    log.info("status and metrics on http://127.0.0.1:{}/", httpPort);
    return server;
  }

  /** Takes the spec's agent settings of the specs now in force. */
  private AgentConfig reconfigure(BootServer.Agent fromSpecs) {
    AgentConfig next = AgentConfig.resolve(settings, fromSpecs);
    if (next.equals(config)) {
      return config;
    }
    backoff.configure(next.retryBase(), next.retryCap());
    if (triggers != null) {
      triggers.reconfigure(config, next);
    }
    if (next.http() != config.http()) {
      log.warn("the HTTP port changed in the specs; it takes effect when the agent restarts");
    }
    config = next;
    return config;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.debug("while stopping: {}", e.toString());
    }
  }
}
