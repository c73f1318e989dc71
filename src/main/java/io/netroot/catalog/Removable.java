package io.netroot.catalog;

import io.netroot.os.RootFs;
import java.util.Optional;

/**
 * What netroot can look at and take away: every managed {@link Resource}, and the record of one
 * that no spec produces any more ({@link RecordedResource}), which is only ever observed and
 * removed, never written.
 */
public interface Removable {

  ResourceId id();

  /** The managed path as the boot server sees it ({@code /etc/dhcp/dhcpd.conf}). */
  String path();

  /** What this is, for people: {@code PXE config of host devboard}. */
  String description();

  /** What kind of record the state file keeps, so it can be removed once no spec produces it. */
  Resource.StateKind stateKind();

  /**
   * The managed part as it is now, or empty when absent. A resource kept in a file reads it here,
   * once per pass, and keeps what it read for {@link Resource#candidate}, the backup ({@link
   * Resource#observedFile}) and {@link Resource#write}.
   */
  Optional<Content> observe(RootFs root);

  /** Which spec produced it; {@link Provenance#NONE} for a record no spec produces any more. */
  default Provenance provenance() {
    return Provenance.NONE;
  }

  /** Removes the managed part (the whole file, or only the block). */
  void remove(RootFs root);
}
