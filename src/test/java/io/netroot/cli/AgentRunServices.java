package io.netroot.cli;

import io.netroot.NetrootException;
import io.netroot.os.ServiceBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Services for agent tests: every service is enabled and running, and a restart can be made slow,
 * made to hang until released (a {@code systemctl restart} stuck on a unit that never stops), or
 * made to fail.
 */
final class AgentRunServices implements ServiceBackend {

  private final List<String> restarted = new ArrayList<>();
  private volatile Duration slow = Duration.ZERO;
  private volatile CountDownLatch hang;
  private volatile CountDownLatch hanging = new CountDownLatch(1);
  private volatile String failure;

  /** Each restart from now on takes this long. */
  AgentRunServices slow(Duration value) {
    slow = value;
    return this;
  }

  /** The next restarts block until {@link #release}. */
  void hang() {
    hanging = new CountDownLatch(1);
    hang = new CountDownLatch(1);
  }

  /** Waits until a restart hangs. */
  boolean awaitHanging(Duration timeout) throws InterruptedException {
    return hanging.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  void release() {
    CountDownLatch h = hang;
    hang = null;
    if (h != null) {
      h.countDown();
    }
  }

  /** Restarts fail with this message from now on; {@code null} lets them succeed. */
  void fail(String message) {
    failure = message;
  }

  synchronized List<String> restarted() {
    return List.copyOf(restarted);
  }

  @Override
  public boolean touchesServices() {
    return true;
  }

  @Override
  public void restart(String service) {
    try {
      Thread.sleep(slow.toMillis());
      CountDownLatch h = hang;
      if (h != null) {
        hanging.countDown();
        h.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new NetrootException("systemctl restart " + service + " failed: " + failure);
    }
    synchronized (this) {
      restarted.add(service);
    }
  }

  @Override
  public void reexport() {
    restart("exportfs");
  }

  @Override
  public void daemonReload() {}

  @Override
  public UnitState state(String service) {
    return new UnitState("enabled", "active");
  }

  @Override
  public void enableNow(String service) {}

  @Override
  public void reload(String service) {
    restart(service);
  }

  @Override
  public void disableNow(String service) {}
}
