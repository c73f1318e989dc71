package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.ServiceBackend.UnitState;
import java.util.List;
import java.util.Optional;

/**
 * A daemon the boot server needs, enabled at boot and running. Stopped or disabled by hand is
 * drift; apply runs {@code systemctl enable --now}. It depends on the daemon's configuration, so a
 * daemon is never started onto a configuration that failed.
 */
public final class ServiceState extends BaseResource {

  static final String RUNNING = "enabled at boot, running\n";

  private final String service;
  private final ServiceBackend backend;

  ServiceState(String service, String what, ServiceBackend backend, List<ResourceId> dependsOn) {
    super(
        new ResourceId(ResourceId.Kind.SERVICE, service),
        StateKind.SERVICE,
        "systemd:" + service,
        what + " service " + service,
        dependsOn,
        List.of());
    this.service = service;
    this.backend = backend;
  }

  @Override
  public Content desired() {
    return Content.text(RUNNING);
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    UnitState state = backend.state(service);
    if (state.enabled().equals("not-found")) {
      throw new NetrootException(
          "service "
              + service
              + " is not installed (systemctl knows no such unit); install its package or name"
              + " the right service in the BootServer spec");
    }
    return Optional.of(
        Content.text(
            (state.isEnabled() ? "enabled at boot" : state.enabled() + " at boot")
                + ", "
                + (state.isActive() ? "running" : state.active())
                + "\n"));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    backend.enableNow(service);
  }

  /** A service's state is not a file: there is nothing to copy before it changes. */
  @Override
  public boolean backedUp() {
    return false;
  }

  @Override
  public void remove(RootFs root) {
    // a service netroot no longer needs is left as it is: other things may use it
  }
}
