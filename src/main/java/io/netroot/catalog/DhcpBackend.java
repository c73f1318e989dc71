package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.util.List;
import java.util.Optional;

/**
 * One DHCP server netroot can configure: where its configuration lives and its service is called on
 * each platform, the resources that hold netroot's part of its configuration, the check of a
 * candidate, and how the running daemon takes a change. The BootServer spec's {@code dhcp.server}
 * chooses one ({@link #of}); {@link DhcpServerResources} asks it for its resources, so a further
 * server is one more implementation here and touches neither the catalog compiler nor the engine.
 */
public interface DhcpBackend {

  /** The server this backend configures. */
  DhcpServer server();

  /** The server for people: {@code ISC dhcpd}, {@code Kea}, {@code dnsmasq}. */
  String title();

  /** Where netroot writes its part of the configuration unless {@code dhcp.config} says. */
  String defaultConfig(Platform platform);

  /** The daemon's systemd service unless {@code dhcp.service} says. */
  String defaultService(Platform platform);

  /** The daemon's own check of a candidate configuration, run on this machine. */
  ConfigChecker checker();

  /** What the running daemon is told after its configuration changed. */
  ServiceAction onChange(String service);

  /**
   * The resources holding netroot's part of the configuration.
   *
   * @param bootFiles every TFTP resource: the DHCP configuration comes after them, so a client is
   *     only pointed at files that are in place
   * @param checker the check of each candidate (this backend's own, or a test's)
   * @param notifies the service actions a change calls for, in order
   */
  List<Resource> configuration(
      SpecSet specs,
      ServerLayout layout,
      List<ResourceId> bootFiles,
      ConfigChecker checker,
      List<ServiceAction> notifies);

  /**
   * Whether netroot's part of this server's configuration is in {@code path} under {@code root}: a
   * server netroot configured before another replaced it.
   *
   * @throws io.netroot.NetrootException when the file cannot be read
   */
  boolean holdsNetrootConfig(RootFs root, String path);

  /**
   * Where the server is told to answer, as its own configuration under {@code root} says; empty
   * when that cannot be told (no such file, a form netroot does not read).
   */
  Optional<DhcpListening> listening(RootFs root, ServerLayout layout);

  /** The backend of a server. */
  static DhcpBackend of(DhcpServer server) {
    return switch (server) {
      case ISC -> new IscDhcpBackend();
      case KEA -> new KeaDhcpBackend();
      case DNSMASQ -> new DnsmasqDhcpBackend();
    };
  }

  /** Every backend, in the order of {@link DhcpServer}. */
  static List<DhcpBackend> all() {
    return java.util.Arrays.stream(DhcpServer.values()).map(DhcpBackend::of).toList();
  }
}
