package io.netroot.spec;

/**
 * What the DHCP mode asks of the other documents. With {@code dhcp.mode: full} netroot's DHCP
 * server reserves each host's address, so every Host needs {@code ip}. With {@code proxy} it gives
 * no address and no option, only where to boot from, beside a DHCP server netroot does not manage:
 * an address, a router, a DNS server, a domain name or a dynamic range in the specs would be
 * something netroot cannot see to, so each is an error, except a Host's {@code ip} that the Host
 * says is reserved on that other server ({@code ipReservedElsewhere: true}).
 */
final class DhcpModeChecks {

  private DhcpModeChecks() {}

  /**
   * @param specs the documents that bound well; nothing is checked when the BootServer did not
   */
  static void check(SpecSet specs, Findings findings) {
    BootServer server = specs.server();
    if (server == null) {
      return;
    }
    String mode = "dhcp.mode " + (server.dhcp().proxy() ? "proxy" : "full");
    String where =
        server.origin().fields().containsKey("spec.dhcp.mode")
            ? " (" + mode + " at " + server.origin().at("spec.dhcp.mode") + ")"
            : " (" + mode + ", the default, of BootServer at " + server.origin().document() + ")";
    for (Host host : specs.hosts()) {
      if (!server.dhcp().proxy()) {
        if (host.ip() == null) {
          findings.at(
              host,
              "spec",
              "spec.ip is required: netroot's DHCP server reserves each Host's address"
                  + where
                  + "; add spec.ip");
        }
        if (host.ipReservedElsewhere()) {
          findings.at(
              host,
              "spec.ipReservedElsewhere",
              "spec.ipReservedElsewhere is for dhcp.mode proxy; netroot's DHCP server reserves"
                  + " spec.ip itself"
                  + where
                  + "; remove it");
        }
      } else if (host.ip() != null && !host.ipReservedElsewhere()) {
        findings.at(
            host,
            "spec.ip",
            "spec.ip "
                + host.ip()
                + ": netroot's DHCP server gives no addresses"
                + where
                + ", so it cannot reserve this one; reserve it on the DHCP server that gives the"
                + " addresses and add ipReservedElsewhere: true, or remove spec.ip");
      }
    }
    if (server.dhcp().proxy()) {
      for (Network network : specs.networks()) {
        proxyRefuses(network, "spec.routers", !network.routers().isEmpty(), where, findings);
        proxyRefuses(network, "spec.dnsServers", !network.dnsServers().isEmpty(), where, findings);
        proxyRefuses(network, "spec.domainName", network.domainName() != null, where, findings);
        proxyRefuses(network, "spec.dynamicRange", network.dynamicRange() != null, where, findings);
      }
    }
  }

  private static void proxyRefuses(
      Network network, String field, boolean set, String where, Findings findings) {
    if (set) {
      findings.at(
          network,
          field,
          field
              + ": netroot's DHCP server gives only boot information"
              + where
              + "; the DHCP server that gives the addresses sends this, so set it there and"
              + " remove "
              + field.substring("spec.".length())
              + " here");
    }
  }
}
