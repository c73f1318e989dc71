package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.Network;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts of each Network, in spec order, for the renderers of Kea's and dnsmasq's DHCP
 * configuration: one pass over the hosts with the indexed {@link SpecSet#networkOf}, so it stays
 * linear in the number of hosts.
 *
 * @param outside the hosts outside every network: only specs that were not validated have them;
 *     they are kept visible rather than dropped, as the dhcpd renderer does
 */
record HostsByNetwork(Map<Network, List<Host>> byNetwork, List<Host> outside) {

  static HostsByNetwork of(SpecSet specs) {
    Map<Network, List<Host>> byNetwork = new IdentityHashMap<>();
    for (Network network : specs.networks()) {
      byNetwork.put(network, new ArrayList<>());
    }
    List<Host> outside = new ArrayList<>();
    for (Host host : specs.hosts()) {
      Network network = specs.networkOf(host);
      (network == null ? outside : byNetwork.get(network)).add(host);
    }
    return new HostsByNetwork(byNetwork, outside);
  }

  /** The hosts in {@code network}, in spec order. */
  List<Host> of(Network network) {
    return byNetwork.getOrDefault(network, List.of());
  }
}
