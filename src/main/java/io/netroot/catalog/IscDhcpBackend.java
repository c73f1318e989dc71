package io.netroot.catalog;

import io.netroot.adopt.DhcpdAdoption;
import io.netroot.os.ConfigChecker;
import io.netroot.os.DhcpdConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ShellSettings;
import io.netroot.render.DhcpdConfRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ISC dhcpd: netroot's block in {@code dhcpd.conf} ({@link DhcpdConfRenderer}), declarations made
 * by hand for the specs' networks and hosts adopted into it, checked with {@code dhcpd -t}, and a
 * restart, since dhcpd reads its configuration only when it starts.
 */
final class IscDhcpBackend implements DhcpBackend {

  static final String CONFIG = "/etc/dhcp/dhcpd.conf";

  @Override
  public DhcpServer server() {
    return DhcpServer.ISC;
  }

  @Override
  public String title() {
    return "ISC dhcpd";
  }

  @Override
  public String defaultConfig(Platform platform) {
    return CONFIG;
  }

  @Override
  public String defaultService(Platform platform) {
    return platform.dhcpService;
  }

  @Override
  public ConfigChecker checker() {
    return new DhcpdConfigChecker();
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
        new BlockInFile(
            layout.dhcpConfig(),
            "DHCP subnets and hosts",
            ManagedBlock.HASH_COMMENTS,
            bootFiles,
            notifies,
            checker,
            () -> new DhcpdConfRenderer(specs).blockBody(),
            new DhcpdAdoption(specs.networks(), specs.hosts())));
  }

  @Override
  public boolean holdsNetrootConfig(RootFs root, String path) {
    return BlockInFile.hasBlock(root, path, ManagedBlock.HASH_COMMENTS);
  }

  /** Debian's settings of isc-dhcp-server's service, where {@code INTERFACESv4} is. */
  static final String DEFAULTS = "/etc/default/isc-dhcp-server";

  /**
   * {@code INTERFACESv4} of Debian's {@value #DEFAULTS}; unset or blank, dhcpd answers on every
   * interface with a subnet it declares.
   */
  @Override
  public Optional<DhcpListening> listening(RootFs root, ServerLayout layout) {
    if (!layout.dhcpService().contains("isc-dhcp")) {
      return Optional.empty();
    }
    return DhcpListening.read(root, DEFAULTS).map(IscDhcpBackend::listening);
  }

  /** What the text of {@value #DEFAULTS} says: its last {@code INTERFACESv4=}, split at blanks. */
  static DhcpListening listening(String defaults) {
    List<String> named =
        ShellSettings.value(defaults, "INTERFACESv4")
            .filter(v -> !v.isBlank())
            .map(v -> Arrays.asList(v.trim().split("\\s+")))
            .orElse(List.of());
    return new DhcpListening(
        "INTERFACESv4",
        DEFAULTS,
        named.isEmpty(),
        named,
        List.of(),
        List.of(),
        "add %s to INTERFACESv4 in " + DEFAULTS);
  }
}
