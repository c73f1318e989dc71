package io.netroot.spec;

import java.util.List;

/**
 * A subnet the DHCP server serves.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: Network
 * metadata: {name: lab}
 * spec:
 *   subnet: 10.0.0.0/24
 *   routers: [10.0.0.138]
 *   dnsServers: [10.0.0.138]
 *   dynamicRange: {start: 10.0.0.100, end: 10.0.0.199}
 * }</pre>
 *
 * @param dynamicRange addresses leased to unknown clients, or {@code null} for none
 * @param domainName the DNS domain handed out, or {@code null}
 */
public record Network(
    String name,
    Ipv4Cidr subnet,
    List<Ipv4> routers,
    List<Ipv4> dnsServers,
    Range dynamicRange,
    String domainName,
    Origin origin)
    implements SpecDocument {

  public Network {
    routers = List.copyOf(routers);
    dnsServers = List.copyOf(dnsServers);
  }

  /** An inclusive address range. */
  public record Range(Ipv4 start, Ipv4 end) {
    public boolean contains(Ipv4 address) {
      return address.compareTo(start) >= 0 && address.compareTo(end) <= 0;
    }

    @Override
    public String toString() {
      return start + "-" + end;
    }
  }
}
