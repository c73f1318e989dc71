package io.netroot.state;

import io.netroot.catalog.ResourceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The records of each state file as its owner last read or wrote it, for a process that reads the
 * same state pass after pass (the daemon keeps one across passes; a one-off command makes a fresh
 * one). {@link StateStore} uses a snapshot only while the file is that very file: same inode, size,
 * times and CRC-32C of its bytes.
 */
public final class StateSnapshots {

  /**
   * How old a state file's change time must be for its stat alone to vouch for its bytes, as for
   * the managed files ({@link io.netroot.os.UnchangedFiles#SETTLE}).
   */
  static final Duration SETTLE = Duration.ofNanos(io.netroot.os.UnchangedFiles.SETTLE);

  private final Map<Path, Snapshot> last = new ConcurrentHashMap<>();

  Snapshot get(Path file) {
    return last.get(file);
  }

  void put(Path file, Snapshot snapshot) {
    last.put(file, snapshot);
  }

  void remove(Path file) {
    last.remove(file);
  }

  /**
   * A state file's identity (stat and CRC-32C) and, when it was read or written, its records.
   *
   * @param settled the file's change time was at least {@link #SETTLE} old when the snapshot was
   *     taken: no write in the same tick of the file system's clock can follow unseen, so an
   *     unchanged stat is trusted without reading the bytes again
   */
  record Snapshot(String stat, long crc, Map<ResourceId, AppliedRecord> records, boolean settled) {

    static Snapshot of(Path file, byte[] bytes, Map<ResourceId, AppliedRecord> records)
        throws IOException {
      Map<String, Object> attributes = attributes(file);
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return new Snapshot(
          attributes.toString(),
          crc.getValue(),
          records == null ? null : new LinkedHashMap<>(records),
          settled(attributes));
    }

    boolean sameFile(Snapshot other) {
      return stat.equals(other.stat) && crc == other.crc;
    }

    /** The same snapshot, settled or not as the file is now. */
    Snapshot checkedAgain(Snapshot now) {
      return new Snapshot(stat, crc, records, now.settled);
    }

    /** True when the file's stat is this snapshot's, and the snapshot is trusted on its stat. */
    boolean stillSettledAt(Path file) throws IOException {
      return settled && records != null && stat.equals(attributes(file).toString());
    }

    private static Map<String, Object> attributes(Path file) throws IOException {
      return Files.readAttributes(
          file, "unix:ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean settled(Map<String, Object> attributes) {
      Instant changed = ((FileTime) attributes.get("ctime")).toInstant();
      return Duration.between(changed, Instant.now()).compareTo(SETTLE) >= 0;
    }
  }
}
