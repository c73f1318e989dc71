package io.netroot.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Address checks across hosts: unique MACs and IPs, and each IP usable in its Network ({@link
 * SpecSet#networkOf}). One pass with hash maps, so the cost stays linear in the number of hosts;
 * every comparison goes through the load's {@link Comparisons}, which counts it.
 */
final class HostChecks {

  private HostChecks() {}

  /**
   * @param specs the documents that bound well; the server is {@code null} if it did not bind
   * @param networksComplete whether every Network bound, so "outside every network" is reliable
   */
  static void check(
      SpecSet specs, boolean networksComplete, Findings findings, Comparisons comparisons) {
    BootServer server = specs.server();
    Map<MacAddress, Host> byMac = new HashMap<>();
    Map<Ipv4, Host> byIp = new HashMap<>();
    for (Host host : specs.hosts()) {
      Host sameMac = comparisons.firstWith(byMac, host.mac(), host);
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
      if (host.ip() == null) {
        // proxy mode: another DHCP server gives the address (DhcpModeChecks says when it must be
        // written), so there is nothing to place
        continue;
      }
      Host sameIp = comparisons.firstWith(byIp, host.ip(), host);
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
      if (server != null && comparisons.same(host.ip(), server.address())) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + " is the address of "
                + Findings.where(server, "spec.address")
                + "; pick another address");
      }
      placement(host, specs, networksComplete, findings, comparisons);
    }
  }

  private static void placement(
      Host host,
      SpecSet specs,
      boolean networksComplete,
      Findings findings,
      Comparisons comparisons) {
    Network network = specs.networkOf(host, comparisons);
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
      if (comparisons.same(host.ip(), subnet.network())) {
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
      } else if (comparisons.same(host.ip(), subnet.broadcast())) {
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
    if (range != null && comparisons.inRange(host.ip(), range)) {
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
