package io.netroot.importer;

import io.netroot.NetrootException;
import io.netroot.adopt.DhcpClient;
import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.adopt.NfsConf;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.PxelinuxConfig;
import io.netroot.importer.ImportReport.Section;
import io.netroot.importer.SpecDoc.Field;
import io.netroot.spec.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BootServer: its address (the {@code next-server} dhcpd hands out, else the NFS server the
 * pxelinux entries mount from), its files, the {@code [nfsd]} versions and transports of nfs.conf,
 * and the menu's timeout, default entry and title.
 */
final class ServerMapping {

  /** nfs.conf's version keys and the BootServer's names for them. */
  private static final Map<String, String> VERSIONS =
      Map.of("vers2", "v2", "vers3", "v3", "vers4", "v4", "vers4.1", "v4.1", "vers4.2", "v4.2");

  private final ImportContext ctx;
  private List<Field> nfsFields;

  ServerMapping(ImportContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Decides the boot server's address: {@code given}, else the {@code next-server} most subnets
   * give (or, when none gives one, most hosts), else the one NFS server of the menu's entries.
   *
   * @throws NetrootException when none can be found
   */
  void address(Ipv4 given) {
    if (given != null) {
      ctx.address = given;
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node subnet : ctx.scopes.subnets()) {
      Setting next = ctx.scopes.setting(new DhcpClient(null, null, 0), null, subnet, "next-server");
      if (next.state() == State.SET && ipv4(next.value()) != null) {
        counts.merge(next.value(), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      // no subnet names one: the hosts may, each for itself
      for (Node host : ctx.scopes.hosts()) {
        Setting next = ctx.scopes.setting(new DhcpClient(null, null, 0), host, null, "next-server");
        if (next.state() == State.SET && ipv4(next.value()) != null) {
          counts.merge(next.value(), 1, Integer::sum);
        }
      }
    }
    Optional<String> most =
        counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    if (most.isPresent()) {
      ctx.address = ipv4(most.get());
      return;
    }
    List<String> servers = new ArrayList<>();
    ctx.boot
        .config(ImportContext.MENU)
        .ifPresent(
            menu ->
                menu.labels()
                    .forEach(
                        l -> {
                          if (l.append() != null) {
                            AppendLine a = AppendLine.parse(l.append().value());
                            if (a.problem() == null
                                && ipv4(a.server()) != null
                                && !servers.contains(a.server())) {
                              servers.add(a.server());
                            }
                          }
                        }));
    if (servers.size() == 1) {
      ctx.address = ipv4(servers.get(0));
      ctx.addressGuess = "no subnet names a next-server; the NFS server of the menu's entries";
      return;
    }
    throw new NetrootException(
        "cannot tell the boot server's address: no subnet in "
            + ctx.dhcpdConf()
            + " gives a next-server, and the menu's entries name "
            + (servers.isEmpty() ? "no NFS server" : "several NFS servers " + servers)
            + "; give it with --address");
  }

  private static Ipv4 ipv4(String text) {
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The BootServer document, made again after every change to what is imported. */
  void document(String exportsFile) {
    Names.Chosen name =
        new Names()
            .choose(
                ctx.files.read("/etc/hostname").map(r -> r.text().strip()).orElse(null),
                "boot-server");
    SpecDoc doc = new SpecDoc("BootServer", name.name(), name.guess(), ctx.dhcpdConf());
    doc.put("address", ctx.address.toString(), ctx.addressGuess);
    doc.put(
        "tftpRoot",
        ctx.where.tftpRoot(),
        ctx.files.isDirectory(ctx.where.tftpRoot())
            ? null
            : "not found; " + ctx.where.tftpRootFrom());
    doc.put("dhcp", List.of(new Field("config", ctx.dhcpdConf())));
    List<Field> nfs = new ArrayList<>(List.of(new Field("exportsFile", exportsFile)));
    nfs.addAll(nfsSettings());
    doc.put("nfs", nfs);
    List<Field> pxe = pxe();
    if (!pxe.isEmpty()) {
      doc.put("pxe", pxe);
    }
    // what the loader refused of an earlier one stays out
    ctx.serverRemoved.forEach(doc::remove);
    ctx.server = doc;
  }

  private List<Field> nfsSettings() {
    if (nfsFields == null) {
      nfsFields = readNfsSettings();
    }
    return nfsFields;
  }

  private List<Field> readNfsSettings() {
    List<Field> out = new ArrayList<>();
    List<Field> versions = new ArrayList<>();
    String file = null;
    for (var e : ctx.nfs.nfsd().entrySet()) {
      String key = e.getKey();
      NfsConf.Setting s = e.getValue();
      if (VERSIONS.containsKey(key) && ctx.nfs.flag(key) != null) {
        versions.add(new Field(VERSIONS.get(key), ctx.nfs.flag(key)));
        file = s.file();
      } else if (key.equals("udp") && ctx.nfs.flag(key) != null) {
        out.add(new Field("udp", ctx.nfs.flag(key)));
        file = s.file();
        if (Boolean.FALSE.equals(ctx.nfs.flag("tcp"))) {
          ctx.report.add(
              Section.CHANGES,
              ctx.nfs.nfsd().get("tcp").where(),
              "tcp=n becomes tcp=y: netroot writes tcp=y with udp",
              List.of("nfsd tcp"));
        }
      } else if (key.startsWith("vers")) {
        ctx.report.add(
            Section.NOT_IMPORTED,
            s.where(),
            key + "=" + s.value() + " is not a version nfs.versions can name; it stays as it is");
      }
    }
    if (!versions.isEmpty()) {
      out.add(0, new Field("versions", versions));
    }
    if (file != null) {
      out.add(new Field("confFile", file));
    }
    return out;
  }

  /** The menu's settings, as pxelinux.cfg/default has them. */
  private List<Field> pxe() {
    List<Field> out = new ArrayList<>();
    Optional<PxelinuxConfig> menu = ctx.boot.config(ImportContext.MENU);
    if (menu.isEmpty()) {
      return out;
    }
    PxelinuxConfig.Directive timeout = menu.get().global("TIMEOUT");
    if (timeout != null && PxelinuxBoot.number(timeout, -1) >= 0) {
      out.add(new Field("timeout", PxelinuxBoot.number(timeout, -1)));
    }
    String choice = PxelinuxBoot.unattendedChoice(menu.get());
    PxelinuxConfig.Label label = choice == null ? null : menu.get().label(choice);
    if (label != null && label.localboot() != null) {
      out.add(new Field("default", "local"));
    } else if (label != null) {
      for (ProfilePlan plan : ctx.profiles.values()) {
        if (plan.label == label && plan.imported()) {
          out.add(new Field("default", plan.profile.name()));
        }
      }
    }
    PxelinuxConfig.Directive title = menu.get().global("MENU TITLE");
    if (title != null && !title.value().isEmpty()) {
      out.add(new Field("title", title.value()));
    }
    return out;
  }
}
