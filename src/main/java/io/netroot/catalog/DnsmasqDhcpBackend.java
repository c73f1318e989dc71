package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.DnsmasqConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.render.DnsmasqConfRenderer;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

  /** dnsmasq's own configuration file. */
  static final String MAIN_CONFIG = "/etc/dnsmasq.conf";

  /** The directory Debian's dnsmasq reads ({@code -7}) and Fedora's dnsmasq.conf names. */
  static final String DROP_INS = "/etc/dnsmasq.d";

  /** The files of {@value #DROP_INS} dnsmasq skips: package leftovers, hidden and backup files. */
  private static final List<String> SKIPPED_SUFFIXES =
      List.of(".dpkg-dist", ".dpkg-old", ".dpkg-new", ".rpmnew", ".rpmsave", ".rpmorig", "~");

  /**
   * {@code interface=}, {@code listen-address=}, {@code except-interface=} and {@code
   * no-dhcp-interface=} of {@value #MAIN_CONFIG} and the files of {@value #DROP_INS}: with neither
   * of the first two, dnsmasq answers on every interface but the excluded ones.
   */
  @Override
  public Optional<DhcpListening> listening(RootFs root, ServerLayout layout) {
    List<String> texts = new ArrayList<>();
    DhcpListening.read(root, MAIN_CONFIG).ifPresent(texts::add);
    if (root.isDirectory(DROP_INS)) {
      try (Stream<Path> files = Files.list(root.resolve(DROP_INS))) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (!name.startsWith(".") && SKIPPED_SUFFIXES.stream().noneMatch(name::endsWith)) {
            DhcpListening.read(root, DROP_INS + "/" + name).ifPresent(texts::add);
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return texts.isEmpty() ? Optional.empty() : Optional.of(listening(texts));
  }

  /** What the texts of dnsmasq's configuration files say, together. */
  static DhcpListening listening(List<String> texts) {
    List<String> interfaces = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String text : texts) {
      for (String raw : text.split("\n")) {
        String line = raw.strip();
        int equals = line.indexOf('=');
        if (line.startsWith("#") || equals < 0) {
          continue;
        }
        List<String> values =
            Arrays.stream(line.substring(equals + 1).split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        switch (line.substring(0, equals).strip()) {
          case "interface" -> interfaces.addAll(values);
          case "listen-address" -> addresses.addAll(values);
          case "except-interface", "no-dhcp-interface" -> excluded.addAll(values);
          default -> {
            // not about where dnsmasq answers
          }
        }
      }
    }
    return new DhcpListening(
        "dnsmasq's interface= and listen-address=",
        MAIN_CONFIG + " and " + DROP_INS + "/",
        interfaces.isEmpty() && addresses.isEmpty(),
        interfaces,
        addresses,
        excluded,
        "add interface=%s to "
            + MAIN_CONFIG
            + " (and remove it from except-interface= and no-dhcp-interface=), then restart"
            + " dnsmasq");
  }
}
