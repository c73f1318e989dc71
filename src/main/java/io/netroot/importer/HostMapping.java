package io.netroot.importer;

import io.netroot.adopt.DhcpClient;
import io.netroot.adopt.DhcpScopes;
import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.PxelinuxConfig;
import io.netroot.importer.ImportReport.Section;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * dhcpd {@code host} declarations into Hosts. netroot writes a Host as {@code hardware ethernet},
 * {@code fixed-address} and {@code option host-name} in its Network's subnet, and a pxelinux file
 * of its own that boots its Profile at once. So a declaration is a Host when it has one MAC and one
 * IPv4 address in an imported subnet, gets nothing of its own (boot file, next server, routers…)
 * that differs from its subnet's, and boots, without a key pressed, a pxelinux entry that is a
 * Profile: its own {@code pxelinux.cfg/01-MAC} file's, else the menu's.
 */
final class HostMapping {

  /** What a host declaration may set for itself, the same as its subnet's. */
  private static final List<String> INHERITED =
      List.of(
          "filename",
          "next-server",
          "option routers",
          "option domain-name-servers",
          "option domain-name");

  private final ImportContext ctx;
  private final ProfileMapping profiles;

  /** The first declaration of each MAC address. */
  final Map<MacAddress, Node> firstByMac = new HashMap<>();

  HostMapping(ImportContext ctx, ProfileMapping profiles) {
    this.ctx = ctx;
    this.profiles = profiles;
  }

  void map() {
    for (Node host : ctx.scopes.hosts()) {
      String decl = "host " + host.word(1).orElse("?");
      MacAddress mac = DhcpScopes.mac(host).orElse(null);
      if (mac == null) {
        ctx.report.add(
            Section.NOT_IMPORTED,
            host.where(),
            decl + " has no hardware ethernet address netroot can read; a Host has one MAC");
        continue;
      }
      Node first = firstByMac.putIfAbsent(mac, host);
      if (first != null) {
        // adoption takes every declaration of an imported Host's MAC; decided once all is known
        continue;
      }
      Ipv4 ip = DhcpScopes.fixedAddress(host).orElse(null);
      if (ip == null) {
        ctx.report.add(
            Section.NOT_IMPORTED,
            host.where(),
            decl
                + (host.all("fixed-address").isEmpty()
                    ? " has no fixed-address"
                    : " has a fixed-address that is not one IPv4 address")
                + "; a Host has one");
        continue;
      }
      Setting hostName =
          ctx.scopes.setting(new DhcpClient(mac, ip, 0), host, null, "option host-name");
      String wanted =
          hostName.state() == State.SET && Names.valid(hostName.value())
              ? hostName.value()
              : host.word(1).orElse(null);
      Names.Chosen name = ctx.hostNames.choose(wanted, "host-" + mac.text().replace(':', '-'));
      SpecDoc doc = new SpecDoc("Host", name.name(), name.guess(), host.where());
      doc.put("mac", mac.text());
      doc.put("ip", ip.toString());
      ctx.hosts.put(host, doc);
      String problem = problem(host, mac, ip, doc);
      if (problem != null) {
        doc.drop(problem);
      }
    }
  }

  private String problem(Node host, MacAddress mac, Ipv4 ip, SpecDoc doc) {
    if (!host.file().equals(ctx.dhcpdConf())) {
      return "it is declared in " + host.file() + ", an included file netroot does not adopt";
    }
    Node subnet = ctx.scopes.subnetOf(ip);
    if (subnet == null) {
      return "no subnet holds its address " + ip;
    }
    SpecDoc network = ctx.networks.get(subnet);
    if (network == null || network.dropped() != null) {
      return "its "
          + subnet.statement().head()
          + " ("
          + subnet.where()
          + ") is not imported"
          + (network == null ? "" : ": " + network.dropped());
    }
    Setting file =
        ctx.scopes.setting(new DhcpClient(mac, ip, DhcpClient.BIOS), host, subnet, "filename");
    String path = PxelinuxBoot.tftpPath(file.value());
    if (!PxelinuxBoot.isPxelinux(path)) {
      return "it boots " + file.shown() + ", not pxelinux";
    }
    String prefix = PxelinuxBoot.prefix(path);
    String config = ctx.boot.configFor(prefix, mac, ip);
    if (config == null) {
      return "there is no pxelinux configuration for it under " + ctx.where.tftpRoot();
    }
    PxelinuxConfig pxe = ctx.boot.config(config).get();
    String choice = PxelinuxBoot.unattendedChoice(pxe);
    String at = ctx.underTftp(config);
    if (choice == null) {
      return at + " waits for a choice; a Host boots its profile at once";
    }
    PxelinuxConfig.Label label = pxe.label(choice);
    if (label == null) {
      return at + " boots \"" + choice + "\", which is not a LABEL; a Host boots a profile";
    }
    if (label.localboot() != null) {
      return at
          + " boots the local disk (LABEL "
          + label.name()
          + ", LOCALBOOT); a Host boots a profile";
    }
    ProfilePlan plan = profiles.plan(config, prefix, pxe, label);
    if (plan.problem != null) {
      return "it boots LABEL "
          + label.name()
          + " ("
          + plan.where
          + "), which is not imported: "
          + plan.problem;
    }
    for (DhcpClient client :
        List.of(
            new DhcpClient(mac, ip, DhcpClient.BIOS), new DhcpClient(mac, ip, DhcpClient.UEFI))) {
      for (String param : INHERITED) {
        Setting own = ctx.scopes.setting(client, host, subnet, param);
        Setting subnets =
            ctx.scopes.setting(new DhcpClient(null, null, client.arch()), null, subnet, param);
        if (!same(param, own, subnets)) {
          return client.firmware().toUpperCase(java.util.Locale.ROOT)
              + " clients of it get "
              + param
              + " "
              + own.shown()
              + (own.at() == null ? "" : " (" + own.at().where() + ")")
              + " where its subnet gives "
              + subnets.shown()
              + "; a Host gets its subnet's";
        }
      }
    }
    doc.put("profile", plan.profile.name());
    return null;
  }

  /** Whether a host's own value and its subnet's mean the same to the client. */
  private static boolean same(String param, Setting own, Setting subnet) {
    if (own.state() != subnet.state()) {
      return false;
    }
    if (param.equals("filename")) {
      return Objects.equals(
          PxelinuxBoot.tftpPath(own.value()), PxelinuxBoot.tftpPath(subnet.value()));
    }
    return own.values().equals(subnet.values());
  }
}
