package io.netroot.os;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a long-running command handle SIGTERM and SIGINT itself, so that it can finish the resource
 * it is writing, let go of the lock and exit 0, instead of the JVM's default of exiting 143 at
 * once.
 */
public final class TermSignal {

  private static final Logger log = LoggerFactory.getLogger(TermSignal.class);

  private TermSignal() {}

  /** Runs {@code onSignal} on SIGTERM or SIGINT instead of exiting. */
  @SuppressWarnings("removal")
  public static void handle(Runnable onSignal) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> onSignal.run());
      } catch (IllegalArgumentException | LinkageError e) {
        // Without the unsupported API, fall back to a shutdown hook: the JVM exits 143.
        log.debug("cannot handle SIG{} ({}); using a shutdown hook", name, e.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(onSignal, "netroot-shutdown"));
        return;
      }
    }
  }
}
