package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The DHCP part of the catalog, asked of the backend the specs choose ({@link DhcpBackend}): its
 * configuration, after the TFTP files; and, when services are touched, its daemon, after any DHCP
 * server it replaces.
 *
 * <p>A server netroot configured before (another backend whose default configuration still holds
 * netroot's part, seen when the catalog is compiled) is replaced in this order: the new
 * configuration is written and checked; the old server is stopped and disabled ({@link
 * RetiredDhcpServer}, only once the new configuration is in place); the new one is enabled and
 * started ({@link ServiceState}, only once the old one has stopped); the old configuration is
 * removed, with the pass's other removals, and backed up first ({@link #retiredConfigs}). Under a
 * root prefix no service is touched, and the new configuration's change names those steps as
 * service actions, so that {@code plan} shows them.
 */
final class DhcpServerResources {

  private final SpecSet specs;
  private final ServerLayout layout;
  private final DhcpBackend backend;
  private final ServiceBackend services;
  private final List<DhcpBackend> retired = new ArrayList<>();
  private final List<ResourceId> configIds = new ArrayList<>();

  DhcpServerResources(SpecSet specs, ServerLayout layout, RootFs root, ServiceBackend services) {
    this.specs = specs;
    this.layout = layout;
    this.backend = DhcpBackend.of(specs.server().dhcp().server());
    this.services = services;
    for (DhcpBackend other : DhcpBackend.all()) {
      if (other.server() != backend.server()
          && !configOf(other).equals(layout.dhcpConfig())
          && !serviceOf(other).equals(layout.dhcpService())
          && holdsNetrootConfig(other, root)) {
        retired.add(other);
      }
    }
  }

  /**
   * Where netroot's part of each replaced server's configuration is: the pass removes it as no spec
   * produces it any more, always after a backup, since it was a working configuration.
   */
  Set<String> retiredConfigs() {
    Set<String> paths = new LinkedHashSet<>();
    retired.forEach(old -> paths.add(configOf(old)));
    return paths;
  }

  /** The backend the specs chose. */
  DhcpBackend backend() {
    return backend;
  }

  /**
   * The resources of the chosen server's configuration.
   *
   * @param checkers the check of a backend's candidates: its own, or a test's
   */
  List<Resource> configuration(
      List<ResourceId> bootFiles, Function<DhcpBackend, ConfigChecker> checkers) {
    List<ServiceAction> notifies = new ArrayList<>();
    if (!services.touchesServices() && !retired.isEmpty()) {
      retired.forEach(old -> notifies.add(ServiceAction.disableNow(serviceOf(old))));
      notifies.add(ServiceAction.enableNow(layout.dhcpService()));
    }
    notifies.add(backend.onChange(layout.dhcpService()));
    List<Resource> resources =
        backend.configuration(specs, layout, bootFiles, checkers.apply(backend), notifies);
    resources.forEach(r -> configIds.add(r.id()));
    return resources;
  }

  /**
   * The daemons, when services are touched (after {@link #configuration}): each replaced server
   * stopped, then the chosen one enabled and running.
   */
  List<Resource> services() {
    List<Resource> resources = new ArrayList<>();
    List<ResourceId> startAfter = new ArrayList<>(configIds);
    for (DhcpBackend old : retired) {
      RetiredDhcpServer stop =
          new RetiredDhcpServer(
              old, configOf(old), serviceOf(old), layout.dhcpService(), services, configIds);
      resources.add(stop);
      startAfter.add(stop.id());
    }
    resources.add(new ServiceState(layout.dhcpService(), "DHCP", services, startAfter));
    return resources;
  }

  private String configOf(DhcpBackend other) {
    return other.defaultConfig(layout.platform());
  }

  private String serviceOf(DhcpBackend other) {
    return other.defaultService(layout.platform());
  }

  /**
   * Whether another server's default configuration holds netroot's part; a file that cannot be read
   * (a link) is taken as not netroot's: the specs do not name it.
   */
  private boolean holdsNetrootConfig(DhcpBackend other, RootFs root) {
    try {
      return other.holdsNetrootConfig(root, configOf(other));
    } catch (NetrootException e) {
      return false;
    }
  }
}
