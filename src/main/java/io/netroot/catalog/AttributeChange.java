package io.netroot.catalog;

import io.netroot.os.ModeAndOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a managed file's mode and owner differ from what they must be. A TFTP file that only root can
 * read is a node that does not boot: {@code tftpd} drops to its own user before it opens files.
 *
 * @param found what the file has
 * @param wanted what netroot gives it
 */
public record AttributeChange(ModeAndOwner found, ModeAndOwner wanted) {

  /** The change from {@code found} to {@code wanted}, or empty when they are the same. */
  static Optional<AttributeChange> between(ModeAndOwner found, ModeAndOwner wanted) {
    return found.equals(wanted)
        ? Optional.empty()
        : Optional.of(new AttributeChange(found, wanted));
  }

  public boolean modeChanges() {
    return found.mode() != wanted.mode();
  }

  public boolean ownerChanges() {
    return found.uid() != wanted.uid() || found.gid() != wanted.gid();
  }

  /** What a pass changes, for a plan: {@code mode 0600 → 0644; owner nobody:root → root:root}. */
  public String describe() {
    List<String> parts = new ArrayList<>(2);
    if (modeChanges()) {
      parts.add("mode " + found.modeText() + " → " + wanted.modeText());
    }
    if (ownerChanges()) {
      parts.add("owner " + found.ownerText() + " → " + wanted.ownerText());
    }
    return String.join("; ", parts);
  }

  /** What is on disk, for drift: {@code mode 0600 (netroot sets 0644)}. */
  public String describeFound() {
    List<String> parts = new ArrayList<>(2);
    if (modeChanges()) {
      parts.add("mode " + found.modeText() + " (netroot sets " + wanted.modeText() + ")");
    }
    if (ownerChanges()) {
      parts.add("owner " + found.ownerText() + " (netroot sets " + wanted.ownerText() + ")");
    }
    return String.join("; ", parts);
  }
}
