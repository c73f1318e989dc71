package io.netroot.daemon;

import io.netroot.os.SdNotify;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd the pass loop is alive, and only then: every tick, while {@link Liveness} finds the
 * loop waiting or making progress, it sends {@code WATCHDOG=1}, and while a pass runs during start
 * or stop, {@code EXTEND_TIMEOUT_USEC} (a first pass that fills a large image outlives {@code
 * TimeoutStartSec=}). A stuck pass gets neither, so systemd's watchdog ends the agent; the stall is
 * logged when it begins and when the loop moves again.
 */
final class Heartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  /** At least this often, so that a stall is logged promptly without a watchdog too. */
  private static final Duration MOST = Duration.ofSeconds(1);

  /** How long systemd waits for the next extension: ticks may be late under load. */
  static final Duration EXTENSION = Duration.ofSeconds(10);

  private final SdNotify notify;
  private final Liveness liveness;
  private final boolean watchdog;
  private final ScheduledExecutorService timer;
  private boolean stuckBefore;

  Heartbeat(SdNotify notify, Liveness liveness) {
    this.notify = notify;
    this.liveness = liveness;
    Optional<Duration> ping = notify.watchdogPingInterval();
    this.watchdog = ping.isPresent();
    Duration tick = ping.filter(p -> p.compareTo(MOST) < 0).orElse(MOST);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "netroot-heartbeat");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      Optional<String> stuck = liveness.stuck();
      if (stuck.isPresent()) {
        if (!stuckBefore) {
          log.error(
              "the agent is stuck: {}; {}",
              stuck.get(),
              watchdog ? "the watchdog is no longer fed" : "/healthz fails");
          notify.send("STATUS=stuck: " + stuck.get());
        }
        stuckBefore = true;
        return;
      }
      if (stuckBefore) {
        log.warn("the agent moves again");
        stuckBefore = false;
      }
      if (watchdog) {
        notify.send("WATCHDOG=1");
      }
      if (liveness.busy() && liveness.phase() != Liveness.Phase.RUNNING) {
        notify.extendTimeout(EXTENSION);
      }
    } catch (RuntimeException e) {
      log.warn("heartbeat: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
