package io.netroot.spec;

import java.util.List;

/**
 * One NFS export: a line of {@code /etc/exports}.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: Export
 * metadata: {name: cent55-root}
 * spec:
 *   path: /storage/diskless/cent55_root
 *   clients:
 *     - match: 10.0.0.0/24
 *       options: [rw, sync, no_root_squash]
 *   acknowledgeInsecure: false
 * }</pre>
 *
 * @param acknowledgeInsecure allows options that give root on a client root's rights ({@code
 *     no_root_squash}, {@code anonuid=0}, {@code anongid=0}) to {@code *}, a wildcard, a netgroup,
 *     an IPv6 network or an IPv4 network wider than the hosts' networks
 */
public record Export(
    String name, String path, List<Client> clients, boolean acknowledgeInsecure, Origin origin)
    implements SpecDocument {

  public Export {
    clients = List.copyOf(clients);
  }

  /**
   * One client entry: who may mount, with which options.
   *
   * @param match one of the forms docs/SPECS.md lists: {@code *}, an IPv4 or IPv6 address or
   *     network ({@code 10.0.0.0/24}, {@code 10.0.0.0/255.255.255.0}, {@code fd00::/64}), a host
   *     name, a wildcard name or an {@code @netgroup}
   */
  public record Client(String match, List<String> options) {
    public Client {
      options = List.copyOf(options);
    }
  }
}
