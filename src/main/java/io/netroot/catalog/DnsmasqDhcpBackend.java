package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.DnsmasqConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.render.DnsmasqConfRenderer;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.util.List;

/**
 * dnsmasq: a drop-in netroot owns whole ({@link DnsmasqConfRenderer}) in the directory dnsmasq
 * reads ({@code /etc/dnsmasq.d}: Debian's unit passes it with {@code -7}, Fedora's dnsmasq.conf
 * names it), checked alone with {@code dnsmasq --test --conf-file}, and a restart: dnsmasq re-reads
 * only its hosts files on SIGHUP, not its ranges and options. Its leases are kept in its lease file
 * across the restart.
 */
final class DnsmasqDhcpBackend implements DhcpBackend {

  static final String CONFIG = "/etc/dnsmasq.d/netroot.conf";

  @Override
  public DhcpServer server() {
    return DhcpServer.DNSMASQ;
  }

  @Override
  public String title() {
    return "dnsmasq";
  }

  @Override
  public String defaultConfig(Platform platform) {
    return CONFIG;
  }

  @Override
  public String defaultService(Platform platform) {
    return "dnsmasq";
  }

  @Override
  public ConfigChecker checker() {
    return new DnsmasqConfigChecker();
  }

  @Override
  public ServiceAction onChange(String service) {
    return ServiceAction.restart(service);
  }

  @Override
  public List<Resource> configuration(
      SpecSet specs,
      ServerLayout layout,
      List<ResourceId> bootFiles,
      ConfigChecker checker,
      List<ServiceAction> notifies) {
    return List.of(
        new ManagedFile(
            layout.dhcpConfig(),
            specs.server().dhcp().proxy()
                ? "proxy DHCP boot information (dnsmasq)"
                : "DHCP ranges and hosts (dnsmasq)",
            bootFiles,
            notifies,
            checker,
            () -> new DnsmasqConfRenderer(specs).file()));
  }

  @Override
  public boolean holdsNetrootConfig(RootFs root, String path) {
    return BlockInFile.lookShared(root, path) instanceof io.netroot.os.Found.File;
  }
}
