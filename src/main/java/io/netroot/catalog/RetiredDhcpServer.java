package io.netroot.catalog;

import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.ServiceBackend.UnitState;
import java.util.List;
import java.util.Optional;

/**
 * A DHCP server netroot configured before the specs chose another: while netroot's part of its
 * configuration is still there, it must be stopped and not started at boot, so that two DHCP
 * servers never answer together. Its configuration is removed by the same pass, as anything no spec
 * produces any more; from then on this server is the admin's again and is left alone.
 *
 * <p>It depends on the new server's configuration, so the old server keeps serving when the new
 * configuration fails; the new server's daemon depends on it, so it starts only once the old one
 * has stopped.
 */
final class RetiredDhcpServer extends BaseResource {

  static final String STOPPED = "not started at boot, stopped\n";

  private final DhcpBackend old;
  private final String configPath;
  private final String service;
  private final ServiceBackend services;

  /**
   * @param old the server replaced
   * @param configPath where netroot's part of its configuration is
   * @param replacedBy the new server's service, for people
   */
  RetiredDhcpServer(
      DhcpBackend old,
      String configPath,
      String service,
      String replacedBy,
      ServiceBackend services,
      List<ResourceId> dependsOn) {
    super(
        new ResourceId(ResourceId.Kind.SERVICE, service),
        StateKind.SERVICE,
        "systemd:" + service,
        old.title() + " service " + service + ", replaced by " + replacedBy,
        dependsOn,
        List.of());
    this.old = old;
    this.configPath = configPath;
    this.service = service;
    this.services = services;
  }

  @Override
  public Content desired() {
    return Content.text(STOPPED);
  }

  /**
   * Stopped and disabled when it is, when it is not installed, and when netroot's configuration is
   * gone from it: then it is not netroot's to stop.
   */
  @Override
  public Optional<Content> observe(RootFs root) {
    if (!old.holdsNetrootConfig(root, configPath)) {
      return Optional.of(desired());
    }
    UnitState state = services.state(service);
    if (state.enabled().equals("not-found") || (!state.isEnabled() && !state.isActive())) {
      return Optional.of(desired());
    }
    return Optional.of(
        Content.text(
            state.enabled()
                + " at boot, "
                + (state.isActive() ? "running" : state.active())
                + " (netroot's configuration still in "
                + configPath
                + ")\n"));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    services.disableNow(service);
  }

  /** A service's state is not a file: there is nothing to copy before it changes. */
  @Override
  public boolean backedUp() {
    return false;
  }

  @Override
  public void remove(RootFs root) {
    // a server no spec names is the admin's: left as it is
  }
}
