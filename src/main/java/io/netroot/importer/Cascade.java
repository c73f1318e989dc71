package io.netroot.importer;

import io.netroot.adopt.DhcpScopes;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What follows from leaving something out, until nothing more does: a Profile goes with its Kernel
 * or RootImage, a Host with its Network or Profile; and, because netroot adopts what it declares, a
 * Network goes when its subnet block holds a host that is not imported (adopting the block would
 * lose that host), and a Host goes when another declaration, not imported, has its address or its
 * name (netroot would refuse, or take that declaration with it).
 */
final class Cascade {

  private final ImportContext ctx;

  Cascade(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** The imported Hosts by MAC address, made again each round. */
  private final Map<String, SpecDoc> byMac = new HashMap<>();

  void run() {
    boolean changed = true;
    while (changed) {
      index();
      changed = profiles() | hosts() | networks();
      index();
      changed |= clashes();
    }
  }

  private void index() {
    byMac.clear();
    for (SpecDoc host : ctx.hosts.values()) {
      if (host.dropped() == null) {
        byMac.put((String) host.get("mac"), host);
      }
    }
  }

  private boolean profiles() {
    boolean changed = false;
    for (ProfilePlan plan : ctx.profiles.values()) {
      if (plan.profile == null || plan.profile.dropped() != null) {
        continue;
      }
      for (SpecDoc needed : new SpecDoc[] {plan.kernel, plan.rootImage}) {
        if (needed.dropped() != null) {
          plan.profile.drop("its " + needed + " is not imported: " + needed.dropped());
          changed = true;
        }
      }
    }
    return changed;
  }

  private boolean hosts() {
    boolean changed = false;
    for (SpecDoc host : ctx.hosts.values()) {
      if (host.dropped() != null) {
        continue;
      }
      Node subnet = ctx.scopes.subnetOf(Ipv4.parse((String) host.get("ip")));
      SpecDoc network = subnet == null ? null : ctx.networks.get(subnet);
      if (network == null || network.dropped() != null) {
        host.drop(
            "its subnet is not imported"
                + (network == null
                    ? ""
                    : " (" + network.origin() + ": " + network.dropped() + ")"));
        changed = true;
        continue;
      }
      ProfilePlan plan = planNamed((String) host.get("profile"));
      if (plan == null || !plan.imported()) {
        host.drop(
            "its profile "
                + host.get("profile")
                + " is not imported"
                + (plan == null ? "" : ": " + plan.whyNot()));
        changed = true;
      }
    }
    return changed;
  }

  private boolean networks() {
    boolean changed = false;
    for (Map.Entry<Node, SpecDoc> e : ctx.networks.entrySet()) {
      SpecDoc network = e.getValue();
      if (network.dropped() != null) {
        continue;
      }
      for (Node host : e.getKey().blocksBelow()) {
        if (host.keyword().equals("host") && !owned(host)) {
          network.drop(
              "its block holds host "
                  + host.word(1).orElse("?")
                  + " ("
                  + host.where()
                  + "), which is not imported; adopting the block would lose it");
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  /** Imported Hosts whose address or name another declaration, not imported, has. */
  private boolean clashes() {
    boolean changed = false;
    Map<String, SpecDoc> byIp = new HashMap<>();
    Map<String, SpecDoc> byName = new HashMap<>();
    for (SpecDoc host : byMac.values()) {
      byIp.put((String) host.get("ip"), host);
      byName.put(host.name().toLowerCase(Locale.ROOT), host);
    }
    for (Node decl : ctx.scopes.hosts()) {
      if (owned(decl)) {
        continue;
      }
      Optional<Ipv4> ip = DhcpScopes.fixedAddress(decl);
      String name = decl.word(1).orElse("").toLowerCase(Locale.ROOT);
      for (SpecDoc host :
          new SpecDoc[] {ip.map(a -> byIp.get(a.toString())).orElse(null), byName.get(name)}) {
        if (host == null || host.dropped() != null) {
          continue;
        }
        if (ip.isPresent() && ip.get().toString().equals(host.get("ip"))) {
          host.drop(
              "host "
                  + decl.word(1).orElse("?")
                  + " ("
                  + decl.where()
                  + "), not imported, has its address; netroot would refuse to declare both");
          changed = true;
        } else if (host.name().toLowerCase(Locale.ROOT).equals(name)) {
          host.drop(
              "host "
                  + decl.word(1).orElse("?")
                  + " ("
                  + decl.where()
                  + "), not imported, has its name; netroot would adopt that declaration with it");
          changed = true;
        }
      }
    }
    return changed;
  }

  /** Whether an imported Host has this declaration's MAC address (netroot adopts it then). */
  boolean owned(Node decl) {
    Optional<MacAddress> mac = DhcpScopes.mac(decl);
    if (mac.isEmpty()) {
      return false;
    }
    SpecDoc host = byMac.get(mac.get().text());
    return host != null && host.dropped() == null;
  }

  private ProfilePlan planNamed(String name) {
    for (ProfilePlan plan : ctx.profiles.values()) {
      if (plan.profile != null && plan.profile.name().equals(name)) {
        return plan;
      }
    }
    return null;
  }
}
