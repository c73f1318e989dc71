package io.netroot.adopt;

import io.netroot.adopt.DhcpdConf.Statement;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adoption in dhcpd.conf. Outside netroot's block:
 *
 * <ul>
 *   <li>a {@code subnet} with the network of a Network spec is adopted, with everything in it; a
 *       host in it that no Host spec declares would be lost, so it is a clash, and so is such a
 *       subnet inside a {@code shared-network} (netroot's subnets are not shared);
 *   <li>a {@code subnet} that overlaps a Network spec's without being the same is a clash;
 *   <li>a {@code host} with the name or the MAC address of a Host spec is adopted, wherever it is;
 *       another host whose {@code fixed-address} is a Host spec's address is a clash.
 * </ul>
 *
 * Everything else outside the block (the admin's other subnets and hosts, global options) stays.
 * dhcpd itself accepts two hosts with one MAC address and answers with either, which is why a host
 * is never left declared twice.
 */
public final class DhcpdAdoption implements Adopter {

  private final List<Network> networks;
  private final List<Host> hosts;

  public DhcpdAdoption(List<Network> networks, List<Host> hosts) {
    this.networks = List.copyOf(networks);
    this.hosts = List.copyOf(hosts);
  }

  @Override
  public Optional<Adoption> adopt(String fileText, LineRange block, String fileName) {
    DhcpdConf conf;
    try {
      conf = DhcpdConf.parse(blankedOut(fileText, block));
    } catch (DhcpdConf.SyntaxException e) {
      throw new AdoptionClashException(
          List.of(
              fileName
                  + ":"
                  + e.line()
                  + ": cannot read the file outside netroot's block ("
                  + e.getMessage().substring(e.getMessage().indexOf(": ") + 2)
                  + "), so netroot cannot tell what it would declare twice; fix it by hand"));
    }
    Walk walk = new Walk(conf, fileName);
    walk.statements(conf.statements(), null);
    if (!walk.clashes.isEmpty()) {
      throw new AdoptionClashException(walk.clashes);
    }
    return walk.moved.isEmpty() ? Optional.empty() : Optional.of(new Adoption(walk.moved));
  }

  /**
   * The text with the block's characters turned into blanks, newlines kept: the rest reads with its
   * own offsets and lines, and nothing inside the block counts.
   */
  static String blankedOut(String text, LineRange block) {
    if (block == null) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = block.start(); i < block.end(); i++) {
      if (chars[i] != '\n') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  /** One pass over the statements, collecting what moves and what clashes. */
  private final class Walk {
    final DhcpdConf conf;
    final String fileName;
    final List<Adoption.Moved> moved = new ArrayList<>();
    final List<String> clashes = new ArrayList<>();

    Walk(DhcpdConf conf, String fileName) {
      this.conf = conf;
      this.fileName = fileName;
    }

    void statements(List<Statement> statements, Statement sharedNetwork) {
      for (Statement s : statements) {
        if (!s.block()) {
          continue;
        }
        switch (s.keyword()) {
          case "subnet" -> subnet(s, sharedNetwork);
          case "host" -> host(s);
          case "shared-network" -> statements(s.children(), s);
          default -> statements(s.children(), sharedNetwork);
        }
      }
    }

    private void subnet(Statement s, Statement sharedNetwork) {
      Optional<Ipv4Cidr> declared = subnetOf(s);
      if (declared.isEmpty()) {
        statements(s.children(), sharedNetwork);
        return;
      }
      Ipv4Cidr subnet = declared.get();
      for (Network network : networks) {
        if (network.subnet().equals(subnet)) {
          if (sharedNetwork != null) {
            clash(
                s,
                "subnet "
                    + subnet
                    + " is inside shared-network "
                    + sharedNetwork.word(1).orElse("")
                    + " (line "
                    + sharedNetwork.line()
                    + "); netroot declares it on its own",
                network,
                "spec.subnet");
            return;
          }
          Optional<Statement> include = firstInclude(s.children());
          if (include.isPresent()) {
            clash(
                s,
                "subnet "
                    + subnet
                    + " includes "
                    + include.get().word(1).orElse("a file")
                    + " (line "
                    + include.get().line()
                    + "), whose declarations adopting the subnet would lose; move them out of"
                    + " the subnet or into the specs",
                network,
                "spec.subnet");
            return;
          }
          List<String> strangers = foreignHosts(s);
          if (!strangers.isEmpty()) {
            clash(
                s,
                "subnet "
                    + subnet
                    + " holds "
                    + String.join(", ", strangers)
                    + ", which no Host spec declares; adopting the subnet would lose "
                    + (strangers.size() == 1 ? "it" : "them")
                    + " (agent import writes specs for them, or move them out of the subnet)",
                network,
                "spec.subnet");
            return;
          }
          moved.add(new Adoption.Moved("subnet " + subnet, conf.linesOf(s)));
          return;
        }
        if (network.subnet().contains(subnet) || subnet.contains(network.subnet())) {
          clash(
              s,
              "subnet " + subnet + " overlaps " + network.subnet() + " of a Network spec",
              network,
              "spec.subnet");
          return;
        }
      }
      statements(s.children(), sharedNetwork);
    }

    private void host(Statement s) {
      Optional<Host> owner = ownerOf(s);
      if (owner.isPresent()) {
        moved.add(new Adoption.Moved("host " + s.word(1).orElse("?"), conf.linesOf(s)));
        return;
      }
      Optional<Ipv4> fixed = fixedAddress(s);
      if (fixed.isEmpty()) {
        return;
      }
      for (Host host : hosts) {
        if (fixed.get().equals(host.ip())) {
          Statement at = s.first("fixed-address").orElse(s);
          clashes.add(
              fileName
                  + ":"
                  + at.line()
                  + ": host "
                  + s.word(1).orElse("?")
                  + " has fixed-address "
                  + fixed.get()
                  + ", the address of Host \""
                  + host.name()
                  + "\" at "
                  + host.origin().at("spec.ip")
                  + ", with another name and MAC address; give one of them another address");
        }
      }
    }

    /** The first {@code include} at any depth of {@code statements}. */
    private Optional<Statement> firstInclude(List<Statement> statements) {
      for (Statement s : statements) {
        if (s.keyword().equals("include")) {
          return Optional.of(s);
        }
        if (s.block()) {
          Optional<Statement> inner = firstInclude(s.children());
          if (inner.isPresent()) {
            return inner;
          }
        }
      }
      return Optional.empty();
    }

    /**
     * The hosts declared in a subnet (at any depth) that no Host spec owns, as people name them.
     */
    private List<String> foreignHosts(Statement subnet) {
      List<String> out = new ArrayList<>();
      collectForeign(subnet.children(), out);
      return out;
    }

    private void collectForeign(List<Statement> statements, List<String> out) {
      for (Statement s : statements) {
        if (!s.block()) {
          continue;
        }
        if (s.keyword().equals("host")) {
          if (ownerOf(s).isEmpty()) {
            out.add("host " + s.word(1).orElse("?") + " (line " + s.line() + ")");
          }
        } else {
          collectForeign(s.children(), out);
        }
      }
    }

    private void clash(Statement s, String what, Network network, String field) {
      clashes.add(
          fileName
              + ":"
              + s.line()
              + ": "
              + what
              + "; the Network \""
              + network.name()
              + "\" is at "
              + network.origin().at(field));
    }
  }

  /** The Host spec a host declaration is: the same name, or the same MAC address. */
  private Optional<Host> ownerOf(Statement host) {
    String name = host.word(1).orElse("").toLowerCase(Locale.ROOT);
    Optional<MacAddress> mac = macOf(host);
    for (Host spec : hosts) {
      if (spec.name().toLowerCase(Locale.ROOT).equals(name)
          || mac.isPresent() && mac.get().equals(spec.mac())) {
        return Optional.of(spec);
      }
    }
    return Optional.empty();
  }

  /** {@code subnet A netmask M}, or empty when it is not that. */
  static Optional<Ipv4Cidr> subnetOf(Statement s) {
    if (s.words().size() != 4 || !s.word(2).orElse("").equalsIgnoreCase("netmask")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ipv4Cidr.parse(s.word(1).get() + "/" + s.word(3).get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code hardware ethernet MAC;} of a host, when it has one that reads as a MAC address. */
  static Optional<MacAddress> macOf(Statement host) {
    return host.all("hardware").stream()
        .filter(h -> h.word(1).orElse("").equalsIgnoreCase("ethernet"))
        .flatMap(h -> h.word(2).stream())
        .flatMap(
            text -> {
              try {
                return java.util.stream.Stream.of(MacAddress.parse(text));
              } catch (IllegalArgumentException e) {
                return java.util.stream.Stream.empty();
              }
            })
        .findFirst();
  }

  /** The host's {@code fixed-address}, when it is one IPv4 address (not a list or a name). */
  static Optional<Ipv4> fixedAddress(Statement host) {
    Optional<Statement> fixed = host.first("fixed-address");
    if (fixed.isEmpty() || fixed.get().words().size() != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ipv4.parse(fixed.get().word(1).get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
