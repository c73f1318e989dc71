package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.KeaConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.render.KeaBlockPlacement;
import io.netroot.render.KeaConfigRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.util.List;

/**
 * Kea ({@code kea-dhcp4}): netroot's block inside the {@code Dhcp4} map of {@code kea-dhcp4.conf}
 * ({@link KeaConfigRenderer}; Kea reads {@code #} comments, so the markers are dhcpd's), put right
 * after the map's brace the first time ({@link KeaBlockPlacement}); the admin's members around it
 * are kept byte for byte. The whole candidate file is checked with {@code kea-dhcp4 -t}, and the
 * running server is told to reload (SIGHUP), which keeps its leases: Kea re-reads the file and
 * keeps its old configuration if the new one fails.
 */
final class KeaDhcpBackend implements DhcpBackend {

  static final String CONFIG = "/etc/kea/kea-dhcp4.conf";

  @Override
  public DhcpServer server() {
    return DhcpServer.KEA;
  }

  @Override
  public String title() {
    return "Kea";
  }

  @Override
  public String defaultConfig(Platform platform) {
    return CONFIG;
  }

  /** Debian's package kea-dhcp4-server names its unit so; Fedora's kea package kea-dhcp4. */
  @Override
  public String defaultService(Platform platform) {
    return platform == Platform.FEDORA ? "kea-dhcp4" : "kea-dhcp4-server";
  }

  @Override
  public ConfigChecker checker() {
    return new KeaConfigChecker();
  }

  @Override
  public ServiceAction onChange(String service) {
    return ServiceAction.reload(service);
  }

  @Override
  public List<Resource> configuration(
      SpecSet specs,
      ServerLayout layout,
      List<ResourceId> bootFiles,
      ConfigChecker checker,
      List<ServiceAction> notifies) {
    return List.of(
        new BlockInFile(
            layout.dhcpConfig(),
            "DHCP subnets and hosts (Kea)",
            ManagedBlock.HASH_COMMENTS,
            bootFiles,
            notifies,
            checker,
            () -> new KeaConfigRenderer(specs).blockBody(),
            null,
            KeaBlockPlacement.INSTANCE));
  }

  @Override
  public boolean holdsNetrootConfig(RootFs root, String path) {
    return BlockInFile.hasBlock(root, path, ManagedBlock.HASH_COMMENTS);
  }
}
