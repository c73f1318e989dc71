package io.netroot.catalog;

import io.netroot.spec.BootServer;
import java.time.Duration;

/**
 * How many copies of overwritten hand edits are kept, and for how long: the BootServer spec's
 * {@code agent.backups} with its defaults filled in. Both limits count per file, and neither ever
 * removes a file's newest copy.
 *
 * @param keep the most copies kept of one file, 1 or more
 * @param maxAge copies older than this are removed, except each file's newest
 */
public record BackupLimits(int keep, Duration maxAge) {

  /** Twenty copies per file, for ninety days: a quarter of hand edits, even on a busy server. */
  public static final BackupLimits DEFAULT = new BackupLimits(20, Duration.ofDays(90));

  public BackupLimits {
    if (keep < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("keep at least one copy, for longer than 0");
    }
  }

  /** The spec's settings, each unset one taken from {@link #DEFAULT}. */
  public static BackupLimits of(BootServer.Backups spec) {
    if (spec == null) {
      return DEFAULT;
    }
    return new BackupLimits(
        spec.keep() != null ? spec.keep() : DEFAULT.keep,
        spec.maxAge() != null ? spec.maxAge() : DEFAULT.maxAge);
  }
}
