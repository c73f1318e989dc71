package io.netroot.check;

import io.netroot.catalog.Area;
import io.netroot.catalog.DhcpBackend;
import io.netroot.catalog.DhcpListening;
import io.netroot.catalog.ResourceId;
import io.netroot.engine.Action;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.os.CommandRunner;
import io.netroot.os.RootFs;
import io.netroot.spec.BootServer;
import io.netroot.spec.Export;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code agent check}, as {@code cobbler check} but from what is really there: the specs against
 * the boot server (a plan that changes nothing), each managed service enabled and running, the NFS
 * versions nfsd offers, an interface in each managed network for the DHCP server to answer on (and
 * one the chosen DHCP server answers on, as its own configuration says: {@code INTERFACESv4}, Kea's
 * {@code interfaces-config}, dnsmasq's {@code interface=}; {@link DhcpBackend#listening}), each
 * export exported, and each TFTP file readable by the TFTP server's user.
 *
 * <p>What needs this machine (its services, interfaces and live exports) is checked only when the
 * services are ({@code /}, or {@code --services systemd} under a root prefix); the rest is read
 * under the root.
 */
public final class BootServerChecks {

  private final Report plan;
  private final SpecSet specs;
  private final RootFs root;
  private final CommandRunner runner;
  private final Optional<Path> ip;
  private final Optional<Path> exportfs;

  /**
   * @param plan a dry pass over the whole boot server
   * @param ip the {@code ip} program, if there is one
   * @param exportfs the {@code exportfs} program, if there is one
   */
  public BootServerChecks(
      Report plan,
      SpecSet specs,
      RootFs root,
      CommandRunner runner,
      Optional<Path> ip,
      Optional<Path> exportfs) {
    this.plan = plan;
    this.specs = specs;
    this.root = root;
    this.runner = runner;
    this.ip = ip;
    this.exportfs = exportfs;
  }

  /** Every check, in the order shown. */
  public List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(matchesSpecs());
    checks.addAll(services());
    checks.addAll(nfsdVersions());
    checks.addAll(interfaces());
    checks.add(exports());
    checks.add(new TftpReadable(root, plan).check());
    return checks;
  }

  private Check matchesSpecs() {
    long changes = plan.changes().size();
    long failures = plan.failures().size() + plan.errors().size();
    if (changes == 0 && failures == 0) {
      return Check.ok("specs", "the boot server matches the specs");
    }
    long edits = plan.handEdits().size();
    return Check.fail(
        "specs",
        changes
            + " change"
            + (changes == 1 ? "" : "s")
            + " pending"
            + (edits > 0 ? " (" + edits + " hand edit" + (edits == 1 ? "" : "s") + ")" : "")
            + (failures > 0 ? ", " + failures + " failed" : ""),
        "agent plan shows them; agent apply makes them");
  }

  private List<Check> services() {
    if (!plan.touchesServices()) {
      return List.of(
          Check.skip(
              "services",
              "not checked under a root prefix (--services systemd checks this machine's)"));
    }
    List<Check> out = new ArrayList<>();
    for (ResourceResult r : plan.resources()) {
      if (r.id().kind() != ResourceId.Kind.SERVICE
          || Area.of(r.id(), plan.layout()) != Area.SERVICE) {
        continue;
      }
      String name = r.id().target();
      if (r.error() != null) {
        out.add(Check.fail("service " + name, r.error(), "systemctl status " + name));
      } else if (r.action() == Action.NOOP) {
        out.add(Check.ok("service " + name, "enabled and running"));
      } else {
        out.add(
            Check.fail(
                "service " + name,
                r.reason(),
                "systemctl enable --now " + name + " (agent apply does it)"));
      }
    }
    return out;
  }

  private List<Check> nfsdVersions() {
    List<Check> out = new ArrayList<>();
    for (ResourceResult r : plan.resources()) {
      if (r.id().kind() != ResourceId.Kind.NFSD) {
        continue;
      }
      if (r.error() != null) {
        out.add(Check.fail("nfsd versions", r.error(), "see agent plan"));
      } else if (r.action() == Action.NOOP) {
        out.add(Check.ok("nfsd versions", "/proc/fs/nfsd/versions offers what the specs say"));
      } else {
        out.add(
            Check.fail(
                "nfsd versions",
                r.reason(),
                "agent apply, then systemctl restart " + plan.layout().nfsService()));
      }
    }
    return out;
  }

  private List<Check> interfaces() {
    if (!plan.touchesServices()) {
      return List.of(
          Check.skip("dhcp interfaces", "this machine's interfaces: not under a root prefix"));
    }
    if (ip.isEmpty()) {
      return List.of(Check.skip("dhcp interfaces", "no ip program (Debian package iproute2)"));
    }
    CommandRunner.Result listed =
        runner.run(List.of(ip.get().toString(), "-o", "-4", "addr", "show"));
    if (!listed.ok()) {
      return List.of(
          Check.fail(
              "dhcp interfaces", "ip addr failed: " + listed.output().strip(), "ip -4 addr show"));
    }
    List<Interfaces.Address> addresses = Interfaces.parse(listed.output());
    Optional<DhcpListening> listening =
        DhcpBackend.of(specs.server().dhcp().server()).listening(root, plan.layout());
    List<Check> out = new ArrayList<>();
    for (Network network : specs.networks()) {
      String subject = "dhcp on " + network.name() + " " + network.subnet();
      Optional<Interfaces.Address> on = Interfaces.in(addresses, network.subnet());
      if (on.isEmpty()) {
        out.add(
            Check.fail(
                subject,
                "no interface of this machine has an address in " + network.subnet(),
                "give the boot server an address there (ip addr add ADDRESS/"
                    + network.subnet().prefix()
                    + " dev IFACE), or the DHCP server answers nobody on it"));
      } else if (listening.isPresent()
          && !listening.get().answersOn(on.get().name(), on.get().address().toString())) {
        out.add(
            Check.fail(
                subject,
                listening.get().whyNot(on.get().name()),
                listening.get().fixFor(on.get().name())));
      } else {
        out.add(Check.ok(subject, "on " + on.get().name() + " (" + on.get().address() + ")"));
      }
    }
    return out;
  }

  private Check exports() {
    if (!plan.touchesServices()) {
      return Check.skip("exports", "the live exports: not under a root prefix");
    }
    BootServer.Nfs nfs = specs.server().nfs();
    if (nfs != null && nfs.server() == BootServer.NfsServer.GANESHA) {
      return Check.skip("exports", "NFS-Ganesha's live exports are not listed by exportfs");
    }
    if (exportfs.isEmpty()) {
      return Check.fail("exports", "no exportfs program", "apt-get install nfs-kernel-server");
    }
    CommandRunner.Result listed = runner.run(List.of(exportfs.get().toString(), "-v"));
    List<String> missing = new ArrayList<>();
    for (Export export : specs.exports()) {
      boolean found =
          listed.output().lines().anyMatch(l -> l.strip().split("\\s+")[0].equals(export.path()));
      if (!found) {
        missing.add(export.path());
      }
    }
    if (!listed.ok() || !missing.isEmpty()) {
      return Check.fail(
          "exports",
          listed.ok() ? "not exported: " + String.join(", ", missing) : listed.output().strip(),
          "exportfs -ra (agent apply does it after a change)");
    }
    return Check.ok("exports", specs.exports().size() + " exported, as exportfs -v lists");
  }
}
