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
 * @param acknowledgeInsecure allows {@code no_root_squash} to {@code *} or to a network wider than
 *     the hosts' networks
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
   * @param match {@code *}, an address, a network ({@code 10.0.0.0/24} or {@code
   *     10.0.0.0/255.255.255.0}) or a host name
   */
  public record Client(String match, List<String> options) {
    public Client {
      options = List.copyOf(options);
    }
  }
}
