package io.netroot.catalog;

import io.netroot.spec.Host;
import io.netroot.spec.Position;

/**
 * Which spec produced a resource, for people and tools reading a plan: the host it belongs to, when
 * it belongs to one (a host's PXE file), and the place in the specs it comes from, as {@code
 * FILE:LINE}. A file that many documents fill (the DHCP configuration, the exports, the PXE menu)
 * points at the section of the BootServer spec that places it; a record no spec produces any more
 * has neither.
 *
 * @param host the host's name, or {@code null}
 * @param origin {@code specs/hosts.yaml:12}, or {@code null}
 */
public record Provenance(String host, String origin) {

  /** Nothing known: a record of the state file, or a resource made in code. */
  public static final Provenance NONE = new Provenance(null, null);

  /** Produced by what is written at {@code at}. */
  public static Provenance at(Position at) {
    return new Provenance(null, at.file() + ":" + at.line());
  }

  /** The resource of {@code host}, produced by its document. */
  public static Provenance of(Host host) {
    return new Provenance(host.name(), at(host.origin().document()).origin());
  }
}
