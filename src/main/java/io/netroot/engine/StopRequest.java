package io.netroot.engine;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a pass is to stop (the agent got SIGTERM): asked before each resource and once more after
 * the commit. Once it says stop it keeps saying so, and the pass logs it once.
 */
final class StopRequest {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final BooleanSupplier cancelled;
  private boolean stopped;

  StopRequest(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  boolean stopping() {
    if (!stopped && cancelled.getAsBoolean()) {
      stopped = true;
      log.info("stopping: the remaining resources are left to the next pass");
    }
    return stopped;
  }
}
