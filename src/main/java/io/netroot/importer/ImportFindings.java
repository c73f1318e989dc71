package io.netroot.importer;

import io.netroot.adopt.DhcpClient;
import io.netroot.adopt.DhcpScopes;
import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.ServerMeaning;
import io.netroot.importer.ImportReport.Section;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The report of what was found once the import has settled: what is not imported and why, what
 * applying the specs changes for the clients of what is imported (with the meaning keys it
 * changes), and the statements netroot drops from what it adopts.
 */
final class ImportFindings {

  /** The statements netroot writes in a subnet it declares. */
  private static final Set<String> SUBNET_WRITTEN =
      Set.of(
          "range",
          "option routers",
          "option domain-name-servers",
          "option domain-name",
          "next-server",
          "filename");

  /**
   * The statements netroot writes in a host it declares. A host's own {@code filename} and {@code
   * next-server} (the same as its subnet's, or it would not be imported) are not written: the host
   * gets its subnet's.
   */
  private static final Set<String> HOST_WRITTEN =
      Set.of("hardware", "fixed-address", "option host-name");

  private final ImportContext ctx;
  private final ServerMeaning before;
  private final Cascade cascade;

  ImportFindings(ImportContext ctx, ServerMeaning before, Cascade cascade) {
    this.ctx = ctx;
    this.before = before;
    this.cascade = cascade;
  }

  void report(HostMapping hosts) {
    notImported();
    for (Map.Entry<Node, SpecDoc> e : ctx.networks.entrySet()) {
      if (e.getValue().dropped() == null) {
        network(e.getKey());
      }
    }
    for (Map.Entry<Node, SpecDoc> e : ctx.hosts.entrySet()) {
      if (e.getValue().dropped() == null) {
        host(e.getKey(), e.getValue());
      }
    }
    for (Node decl : ctx.scopes.hosts()) {
      MacAddress mac = DhcpScopes.mac(decl).orElse(null);
      if (mac != null && hosts.firstByMac.get(mac) != decl && cascade.owned(decl)) {
        ctx.report.add(
            Section.CHANGES,
            decl.where(),
            "host "
                + decl.word(1).orElse("?")
                + " declares "
                + mac.text()
                + " again (first at "
                + hosts.firstByMac.get(mac).where()
                + "); netroot adopts both and declares it once",
            List.of("host " + mac.text() + " declarations"));
      }
    }
    new MenuFindings(ctx, before).report();
  }

  private void notImported() {
    List<SpecDoc> docs = new ArrayList<>();
    docs.addAll(ctx.networks.values());
    docs.addAll(ctx.hosts.values());
    docs.addAll(ctx.kernels);
    docs.addAll(ctx.rootImages);
    docs.addAll(ctx.exports);
    // an entry of the menu is not left as it is: netroot writes the menu (see MenuFindings)
    ctx.profiles.values().stream()
        .filter(p -> p.profile != null && !p.inMenu)
        .map(p -> p.profile)
        .forEach(docs::add);
    for (SpecDoc d : docs) {
      if (d.dropped() != null) {
        ctx.report.add(Section.NOT_IMPORTED, d.origin(), describe(d) + ": " + d.dropped());
      }
    }
    for (ProfilePlan plan : ctx.profiles.values()) {
      if (plan.problem != null && !plan.inMenu) {
        ctx.report.add(
            Section.NOT_IMPORTED, plan.where, "LABEL " + plan.label.name() + ": " + plan.problem);
      }
    }
  }

  private static String describe(SpecDoc d) {
    return switch (d.kind()) {
      case "Network" -> "subnet " + d.get("subnet");
      case "Host" -> "host " + d.name() + " (" + d.get("mac") + ", " + d.get("ip") + ")";
      default -> d.toString();
    };
  }

  private void network(Node subnet) {
    String cidr = DhcpScopes.cidr(subnet).get().toString();
    for (Node range : subnet.all("range")) {
      if (!range.word(1).orElse("").equalsIgnoreCase("dynamic-bootp")) {
        ctx.report.add(
            Section.CHANGES,
            range.where(),
            "range becomes range dynamic-bootp: netroot's ranges also lease to BOOTP clients",
            List.of("subnet " + cidr + " range"));
      }
    }
    Setting uefi =
        ctx.scopes.setting(new DhcpClient(null, null, DhcpClient.UEFI), null, subnet, "filename");
    if (!NetworkMapping.UEFI_LOADER.equals(PxelinuxBoot.tftpPath(uefi.value()))) {
      List<String> keys =
          new ArrayList<>(
              List.of(
                  "subnet " + cidr + " filename uefi",
                  "subnet " + cidr + " boots uefi",
                  "menu efi64/pxelinux.cfg/default"));
      Ipv4Cidr network = Ipv4Cidr.parse(cidr);
      for (var o : before.objects().entrySet()) {
        if (o.getKey().startsWith("host ") && inside(network, o.getValue())) {
          keys.add(o.getKey() + " filename uefi");
          keys.add(o.getKey() + " boots uefi");
        }
      }
      ctx.report.add(
          Section.CHANGES,
          uefi.at() == null ? subnet.where() : uefi.at().where(),
          "x86-64 UEFI clients of "
              + cidr
              + " get "
              + NetworkMapping.UEFI_LOADER
              + " instead of "
              + uefi.shown()
              + " (netroot answers DHCP option 93 with the UEFI boot loader)",
          keys);
    }
    dropped(subnet.children(), SUBNET_WRITTEN, true);
  }

  private static boolean inside(Ipv4Cidr network, SortedMap<String, String> fields) {
    try {
      return network.contains(Ipv4.parse(fields.getOrDefault("ip", "")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void host(Node decl, SpecDoc doc) {
    MacAddress mac = MacAddress.parse((String) doc.get("mac"));
    Setting own =
        ctx.scopes.setting(
            new DhcpClient(mac, Ipv4.parse((String) doc.get("ip")), 0),
            decl,
            ctx.scopes.subnetOf(Ipv4.parse((String) doc.get("ip"))),
            "option host-name");
    String sent = isNodeName(doc.name()) ? doc.name() : null;
    String had = own.state() == State.SET ? own.value() : null;
    if (sent == null ? had != null : !sent.equals(had)) {
      ctx.report.add(
          Section.CHANGES,
          decl.where(),
          "host "
              + doc.name()
              + " gets option host-name "
              + (sent == null ? "(not set)" : sent)
              + " instead of "
              + own.shown()
              + " (netroot sends each host its name)",
          List.of("host " + mac.text() + " host-name"));
    }
    dropped(decl.children(), HOST_WRITTEN, false);
  }

  /** Reports the statements of an adopted block netroot does not write. */
  private void dropped(List<Node> statements, Set<String> written, boolean intoBlocks) {
    for (Node s : statements) {
      String key = s.keyword().equals("option") ? "option " + s.word(1).orElse("") : s.keyword();
      if (s.block() && s.keyword().equals("host")) {
        continue;
      }
      if (s.block() && intoBlocks && s.keyword().equals("group")) {
        dropped(s.children(), Set.of(), true);
        continue;
      }
      if (!written.contains(key) || s.block()) {
        ctx.report.add(
            Section.DROPPED,
            s.where(),
            "`"
                + s.statement().head()
                + (s.block() ? " { … }" : ";")
                + "`: netroot does not write it");
      }
    }
  }

  /** A host name a node can take (RFC 1123); netroot sends only such a name as option 12. */
  static boolean isNodeName(String name) {
    return name.length() <= 253
        && name.matches(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  }
}
