package io.netroot.adopt;

import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What dhcpd hands a client, read from a {@link DhcpdTree}: the value of a parameter ({@code
 * filename}, {@code next-server}, an {@code option}) is taken from the first scope that sets it, in
 * dhcpd.conf(5)'s order: the client's host declaration and the groups around it, the classes it
 * matches, the subnet of its address and the blocks around that, then the top of the file. Within a
 * scope a later statement wins, and an {@code if}/{@code elsif}/{@code else} chain is evaluated for
 * the client ({@link DhcpCondition}).
 */
public final class DhcpScopes {

  /** The names option 93 (the client's architecture) goes by without a declaration. */
  private static final Set<String> ARCH_NAMES =
      Set.of("pxe-system-type", "client-architecture", "arch", "architecture-type", "system-arch");

  private final DhcpdTree tree;
  private final Set<String> archNames = new HashSet<>(ARCH_NAMES);
  private final List<Node> subnets;
  private final List<Node> hosts;
  private final List<Node> classes;

  private final ScopeStatements statements;

  public DhcpScopes(DhcpdTree tree) {
    this.tree = tree;
    this.subnets = tree.blocks("subnet");
    this.hosts = tree.blocks("host");
    this.classes = tree.blocks("class");
    for (Node n : all(tree.top())) {
      // option NAME code 93 = unsigned integer 16;
      if (!n.block()
          && n.keyword().equals("option")
          && n.word(2).orElse("").equalsIgnoreCase("code")
          && n.word(3).orElse("").equals("93")) {
        archNames.add(n.word(1).get().toLowerCase(Locale.ROOT));
      }
    }
    this.statements = new ScopeStatements(tree.top(), archNames);
  }

  /** The tree read. */
  public DhcpdTree tree() {
    return tree;
  }

  /**
   * A parameter as a client gets it.
   *
   * @param state whether it is set, not set anywhere, or cannot be told
   * @param values its words (a list's items without commas), empty unless set
   * @param at the statement that sets it, or the condition that could not be evaluated; may be null
   *     when not set
   */
  public record Setting(State state, List<String> values, Node at) {

    /** The first value, or {@code null}. */
    public String value() {
      return values.isEmpty() ? null : values.get(0);
    }

    /** For people: the values, {@code (not set)} or {@code ?}. */
    public String shown() {
      return switch (state) {
        case SET -> String.join(", ", values);
        case UNSET -> "(not set)";
        case UNKNOWN -> "?";
      };
    }

    static final Setting UNSET = new Setting(State.UNSET, List.of(), null);
  }

  /** Whether a parameter is set. */
  public enum State {
    SET,
    UNSET,
    UNKNOWN
  }

  /** The {@code subnet} declarations, in file order. */
  public List<Node> subnets() {
    return subnets;
  }

  /** The {@code host} declarations, in file order. */
  public List<Node> hosts() {
    return hosts;
  }

  /** {@code subnet A netmask M}'s network, when it is one. */
  public static Optional<Ipv4Cidr> cidr(Node subnet) {
    return DhcpdAdoption.subnetOf(subnet.statement());
  }

  /** The first subnet whose network holds {@code ip}. */
  public Node subnetOf(Ipv4 ip) {
    for (Node s : subnets) {
      if (cidr(s).map(c -> c.contains(ip)).orElse(false)) {
        return s;
      }
    }
    return null;
  }

  /**
   * A host's {@code hardware ethernet}, read as dhcpd does: one or two hex digits per byte ({@code
   * 0:0:c0:5d:bd:95}).
   */
  public static Optional<MacAddress> mac(Node host) {
    for (Node h : host.all("hardware")) {
      if (h.word(1).orElse("").equalsIgnoreCase("ethernet") && h.word(2).isPresent()) {
        String[] parts = h.word(2).get().split(":", -1);
        if (parts.length != 6) {
          return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (String p : parts) {
          if (!p.matches("[0-9A-Fa-f]{1,2}")) {
            return Optional.empty();
          }
          text.append(text.isEmpty() ? "" : ":").append(p.length() == 1 ? "0" + p : p);
        }
        return Optional.of(MacAddress.parse(text.toString()));
      }
    }
    return Optional.empty();
  }

  /** A host's {@code fixed-address}, when it is one IPv4 address. */
  public static Optional<Ipv4> fixedAddress(Node host) {
    return DhcpdAdoption.fixedAddress(host.statement());
  }

  /**
   * The value of {@code param} ({@code filename}, {@code next-server}, {@code option routers}…) for
   * {@code client}, declared by {@code host} (or none) in {@code subnet} (or none).
   */
  public Setting setting(DhcpClient client, Node host, Node subnet, String param) {
    for (Node scope : host == null ? List.<Node>of() : hostScopes(host)) {
      Setting s = statements.find(param, scope, client);
      if (s.state() != State.UNSET) {
        return s;
      }
    }
    for (Node c : classes) {
      Truth member = statements.membership(c, client);
      if (member == Truth.FALSE) {
        continue;
      }
      Setting s = statements.find(param, c, client);
      if (s.state() != State.UNSET) {
        return member == Truth.TRUE ? s : new Setting(State.UNKNOWN, List.of(), c);
      }
    }
    for (Node n = subnet; n != null; n = n.parent()) {
      Setting s = statements.find(param, n, client);
      if (s.state() != State.UNSET) {
        return s;
      }
    }
    return statements.findAtTop(param, client);
  }

  /** The host, then the blocks around it up to (not including) a subnet or shared network. */
  private static List<Node> hostScopes(Node host) {
    List<Node> out = new ArrayList<>();
    for (Node n = host; n != null; n = n.parent()) {
      if (n.keyword().equals("subnet") || n.keyword().equals("shared-network")) {
        break;
      }
      out.add(n);
    }
    return out;
  }

  private static List<Node> all(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(n);
      out.addAll(all(n.children()));
    }
    return out;
  }
}
