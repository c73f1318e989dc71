package io.netroot.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Address checks across hosts: unique MACs and IPs, and each IP usable in its Network ({@link
 * SpecSet#networkOf}). One pass with hash maps, so the cost stays linear in the number of hosts.
 */
final class HostChecks {

  private HostChecks() {}

  /**
   * @param specs the documents that bound well; the server is {@code null} if it did not bind
   * @param networksComplete whether every Network bound, so "outside every network" is reliable
   */
  static void check(SpecSet specs, boolean networksComplete, Findings findings) {
    BootServer server = specs.server();
    Map<MacAddress, Host> byMac = new HashMap<>();
    Map<Ipv4, Host> byIp = new HashMap<>();
    for (Host host : specs.hosts()) {
      Host sameMac = byMac.putIfAbsent(host.mac(), host);
      if (sameMac != null) {
        findings.at(
            host,
            "spec.mac",
            "spec.mac "
                + host.mac()
                + " is already used by "
                + Findings.where(sameMac, "spec.mac")
                + "; one MAC can have only one Host");
      }
      Host sameIp = byIp.putIfAbsent(host.ip(), host);
      if (sameIp != null) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is already assigned to "
                + Findings.where(sameIp, "spec.ip")
                + "; give each Host its own address");
      }
      if (server != null && host.ip().equals(server.address())) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is the address of "
                + Findings.where(server, "spec.address")
                + "; pick another address");
      }
      placement(host, specs, networksComplete, findings);
    }
  }

  private static void placement(
      Host host, SpecSet specs, boolean networksComplete, Findings findings) {
    Network network = specs.networkOf(host);
    if (network == null) {
      if (networksComplete) {
        List<Network> networks = specs.networks();
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is not inside any Network ("
                + (networks.isEmpty()
                    ? "none is defined"
                    : Text.list(
                        networks.stream().map(n -> n.name() + " " + n.subnet()).toList(), 5))
                + "); fix the address or add a Network for it");
      }
      return;
    }
    Ipv4Cidr subnet = network.subnet();
    // /31 and /32 have no network or broadcast address to avoid (RFC 3021).
    if (subnet.prefix() <= 30) {
      if (host.ip().equals(subnet.network())) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is the network address of Network \""
                + network.name()
                + "\" "
                + subnet
                + "; pick a host address inside it");
      } else if (host.ip().equals(subnet.broadcast())) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is the broadcast address of Network \""
                + network.name()
                + "\" "
                + subnet
                + "; pick a host address inside it");
      }
    }
    Network.Range range = network.dynamicRange();
    if (range != null && range.contains(host.ip())) {
      findings.at(
          host,
          "spec.ip",
          "spec.ip "
              + host.ip()
              + " is inside the dynamic range "
              + range
              + " of Network \""
              + network.name()
              + "\"; pick an address outside it");
    }
  }
}
