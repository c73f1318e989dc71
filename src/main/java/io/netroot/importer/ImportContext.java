package io.netroot.importer;

import io.netroot.adopt.DhcpScopes;
import io.netroot.adopt.DhcpdTree;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.adopt.NfsConf;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.ServerFiles;
import io.netroot.adopt.ServerLocations;
import io.netroot.spec.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One import's state: what was read from the server, the report, and the spec documents made so
 * far, each kept with the server declaration it comes from so that dropping one can follow on to
 * what depends on it.
 */
final class ImportContext {

  /** The menu netroot owns and every client of an imported subnet reads. */
  static final String MENU = "pxelinux.cfg/default";

  final ServerFiles files;
  final ServerLocations where;
  final DhcpScopes scopes;
  final PxelinuxBoot boot;
  final NfsConf nfs;
  final ImportReport report = new ImportReport();

  /** The boot server's address, once decided. */
  Ipv4 address;

  /** Where the address came from, when it was guessed; {@code null} when read. */
  String addressGuess;

  final Map<Node, SpecDoc> networks = new LinkedHashMap<>();
  final Map<Node, SpecDoc> hosts = new LinkedHashMap<>();

  /** The profiles by the entry they describe ({@link PxelinuxBoot#entry}). */
  final Map<String, ProfilePlan> profiles = new LinkedHashMap<>();

  final List<SpecDoc> kernels = new ArrayList<>();
  final List<SpecDoc> rootImages = new ArrayList<>();
  final List<SpecDoc> exports = new ArrayList<>();
  SpecDoc server;

  /** The BootServer fields the loader refused, left out of every BootServer made again. */
  final java.util.Set<String> serverRemoved = new java.util.LinkedHashSet<>();

  final Names networkNames = new Names();
  final Names hostNames = new Names();
  final Names profileNames = new Names();
  final Names kernelNames = new Names();
  final Names imageNames = new Names();
  final Names exportNames = new Names();

  ImportContext(ServerFiles files, ServerLocations where) {
    this.files = files;
    this.where = where;
    this.scopes = new DhcpScopes(DhcpdTree.read(files, where.dhcpdConf()));
    this.boot = new PxelinuxBoot(files, where.tftpRoot());
    this.nfs = NfsConf.read(files);
  }

  /** The main dhcpd.conf's path. */
  String dhcpdConf() {
    return where.dhcpdConf();
  }

  /** A TFTP path as a server path. */
  String underTftp(String tftpPath) {
    return where.tftpRoot() + (where.tftpRoot().endsWith("/") ? "" : "/") + tftpPath;
  }

  /** Every document that is still in, in the order the files list them. */
  List<SpecDoc> documents() {
    List<SpecDoc> out = new ArrayList<>();
    if (server != null) {
      out.add(server);
    }
    out.addAll(networks.values());
    out.addAll(kernels);
    out.addAll(rootImages);
    out.addAll(exports);
    profiles.values().stream().map(p -> p.profile).distinct().forEach(out::add);
    out.addAll(hosts.values());
    return out.stream().filter(d -> d != null && d.dropped() == null).toList();
  }

  /** The profile plan whose document is {@code doc}, or {@code null}. */
  ProfilePlan planOf(SpecDoc doc) {
    return profiles.values().stream().filter(p -> p.profile == doc).findFirst().orElse(null);
  }
}
