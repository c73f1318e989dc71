package io.netroot.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netroot.os.ConfigChecker;
import io.netroot.os.KeaConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.render.KeaBlockPlacement;
import io.netroot.render.KeaConfigRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /** Kea's JSON: with {@code #}, {@code //} and {@code /* *}{@code /} comments. */
  private static final ObjectMapper KEA_JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
          .build();

  /**
   * {@code interfaces-config.interfaces} of the {@code Dhcp4} map: Kea answers on the interfaces
   * named ({@code "*"}: every one), and on none when the list is empty or missing.
   */
  @Override
  public Optional<DhcpListening> listening(RootFs root, ServerLayout layout) {
    return DhcpListening.read(root, layout.dhcpConfig())
        .flatMap(text -> listening(text, layout.dhcpConfig(), layout.dhcpService()));
  }

  /**
   * What {@code text}, a kea-dhcp4.conf, says; empty when it is not JSON as netroot reads it (an
   * include, a syntax error) or has no {@code Dhcp4} map.
   */
  static Optional<DhcpListening> listening(String text, String file, String service) {
    JsonNode dhcp4;
    try {
      dhcp4 = KEA_JSON.readTree(text).path("Dhcp4");
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (!dhcp4.isObject()) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    boolean everywhere = false;
    for (JsonNode entry : dhcp4.path("interfaces-config").path("interfaces")) {
      String name = entry.asText();
      // "eth0/10.0.0.1": one address of eth0; the interface is what the check compares
      String iface = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
      everywhere |= iface.equals("*");
      named.add(iface);
    }
    return Optional.of(
        new DhcpListening(
            "Kea's interfaces-config",
            file,
            everywhere,
            named,
            List.of(),
            List.of(),
            "add \"%s\" to \"interfaces\" of \"interfaces-config\" in "
                + file
                + ", then reload Kea (systemctl kill --signal=SIGHUP "
                + service
                + ")"));
  }
}
