package io.netroot.importer;

import io.netroot.adopt.DhcpClient;
import io.netroot.adopt.DhcpScopes;
import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.importer.ImportReport.Section;
import io.netroot.importer.SpecDoc.Field;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dhcpd {@code subnet} declarations into Networks. netroot writes each Network's subnet itself,
 * sending every PXE client of it to the boot server ({@code next-server}) for {@code pxelinux.0}
 * (x86-64 UEFI clients: {@code efi64/syslinux.efi}), with one {@code range dynamic-bootp}, the
 * routers, name servers and domain. So a subnet is a Network only when that is what it gives its
 * clients now, and when netroot can adopt it (declared in dhcpd.conf itself, not inside a {@code
 * shared-network}, without an {@code include} or a {@code pool}); any other subnet stays as it is.
 */
final class NetworkMapping {

  static final String BIOS_LOADER = "pxelinux.0";
  static final String UEFI_LOADER = "efi64/syslinux.efi";

  private final ImportContext ctx;

  NetworkMapping(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** A Network for every subnet, dropped with a reason where it cannot be one. */
  void map() {
    List<Node> subnets = ctx.scopes.subnets();
    for (Node subnet : subnets) {
      Optional<Ipv4Cidr> cidr = DhcpScopes.cidr(subnet);
      if (cidr.isEmpty()) {
        ctx.report.add(
            Section.NOT_IMPORTED,
            subnet.where(),
            subnet.statement().head() + " is not a subnet ADDRESS netmask MASK netroot can read");
        continue;
      }
      String wanted = "net-" + cidr.get().network().toString().replace('.', '-');
      Names.Chosen name = ctx.networkNames.choose(wanted, "net");
      SpecDoc doc =
          new SpecDoc(
              "Network",
              name.name(),
              name.guess() == null ? "named after its network" : name.guess(),
              subnet.where());
      ctx.networks.put(subnet, doc);
      doc.put("subnet", cidr.get().toString());
      String problem = problem(subnet, cidr.get(), subnets, doc);
      if (problem != null) {
        doc.drop(problem);
      }
    }
  }

  private String problem(Node subnet, Ipv4Cidr cidr, List<Node> all, SpecDoc doc) {
    if (!subnet.file().equals(ctx.dhcpdConf())) {
      return "it is declared in " + subnet.file() + ", an included file netroot does not adopt";
    }
    Node shared = subnet.enclosing("shared-network");
    if (shared != null) {
      return "it is inside shared-network "
          + shared.word(1).orElse("")
          + " ("
          + shared.where()
          + "); netroot declares each subnet on its own";
    }
    for (Node below : subnet.blocksBelow()) {
      if (below.keyword().equals("pool")) {
        return "it has a pool (" + below.where() + "), which a Network cannot express";
      }
    }
    for (Node below : descendants(subnet)) {
      if (!below.file().equals(subnet.file())) {
        return "it includes " + below.file() + ", whose declarations adopting it would lose";
      }
    }
    for (Node other : all) {
      Optional<Ipv4Cidr> o = DhcpScopes.cidr(other);
      if (other != subnet && o.isPresent() && (o.get().contains(cidr) || cidr.contains(o.get()))) {
        return "it overlaps " + other.statement().head() + " (" + other.where() + ")";
      }
    }
    DhcpClient bios = new DhcpClient(null, null, DhcpClient.BIOS);
    Setting next = ctx.scopes.setting(bios, null, subnet, "next-server");
    if (next.state() == State.UNSET) {
      return "it sends its clients to no boot server (no next-server); a Network sends them to "
          + ctx.address;
    }
    if (next.state() != State.SET || !String.valueOf(ctx.address).equals(next.value())) {
      return "its clients get next-server "
          + next.shown()
          + ", not the boot server "
          + ctx.address
          + at(next);
    }
    String biosFile = loader(bios, subnet);
    if (!BIOS_LOADER.equals(biosFile)) {
      return "its BIOS clients boot " + biosFile + ", not " + BIOS_LOADER + ", which netroot sends";
    }
    String uefiFile = loader(new DhcpClient(null, null, DhcpClient.UEFI), subnet);
    if (!BIOS_LOADER.equals(uefiFile) && !UEFI_LOADER.equals(uefiFile)) {
      return "its x86-64 UEFI clients boot "
          + uefiFile
          + ", not "
          + UEFI_LOADER
          + ", which netroot sends";
    }
    List<Node> ranges = subnet.all("range");
    if (ranges.size() > 1) {
      return "it has " + ranges.size() + " ranges; a Network has one dynamicRange";
    }
    if (ranges.size() == 1) {
      List<String> words = words(ranges.get(0), "dynamic-bootp");
      if (words.isEmpty() || words.size() > 2) {
        return "its range (" + ranges.get(0).where() + ") is not one or two addresses";
      }
      doc.put(
          "dynamicRange",
          List.of(new Field("start", words.get(0)), new Field("end", words.get(words.size() - 1))));
    }
    for (String[] option :
        new String[][] {
          {"routers", "option routers"}, {"dnsServers", "option domain-name-servers"}
        }) {
      Setting s = ctx.scopes.setting(bios, null, subnet, option[1]);
      if (s.state() == State.UNKNOWN) {
        return "its " + option[1] + " cannot be told" + at(s);
      }
      if (s.state() == State.SET) {
        for (String v : s.values()) {
          try {
            Ipv4.parse(v);
          } catch (IllegalArgumentException e) {
            return option[1]
                + " "
                + v
                + at(s)
                + " is not an IPv4 address; a Network lists addresses";
          }
        }
        doc.put(option[0], s.values());
      }
    }
    Setting domain = ctx.scopes.setting(bios, null, subnet, "option domain-name");
    if (domain.state() == State.UNKNOWN) {
      return "its option domain-name cannot be told" + at(domain);
    }
    if (domain.state() == State.SET) {
      doc.put("domainName", String.join(" ", domain.values()));
    }
    return null;
  }

  /** The TFTP path of the boot file a client of the subnet gets, or what it is instead. */
  private String loader(DhcpClient client, Node subnet) {
    Setting file = ctx.scopes.setting(client, null, subnet, "filename");
    if (file.state() != State.SET) {
      return file.state() == State.UNSET ? "nothing (no filename)" : "? (" + at(file).strip() + ")";
    }
    String path = PxelinuxBoot.tftpPath(file.value());
    return path == null ? file.value() : path;
  }

  private static String at(Setting s) {
    return s.at() == null ? "" : " (" + s.at().where() + ")";
  }

  /** The words of a statement after its keyword, without {@code skip}. */
  static List<String> words(Node statement, String skip) {
    List<String> out = new ArrayList<>();
    for (int i = 1; statement.word(i).isPresent(); i++) {
      String w = statement.word(i).get();
      if (!w.equalsIgnoreCase(skip)) {
        out.add(w);
      }
    }
    return out;
  }

  static List<Node> descendants(Node n) {
    List<Node> out = new ArrayList<>();
    for (Node c : n.children()) {
      out.add(c);
      out.addAll(descendants(c));
    }
    return out;
  }
}
