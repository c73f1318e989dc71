package io.netroot.state;

import io.netroot.catalog.ResourceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

  /** A state file's identity (stat and CRC-32C) and, when it was read or written, its records. */
  record Snapshot(String stat, long crc, Map<ResourceId, AppliedRecord> records) {
    static Snapshot of(Path file, byte[] bytes, Map<ResourceId, AppliedRecord> records)
        throws IOException {
      String stat =
          Files.readAttributes(
                  file, "unix:ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS)
              .toString();
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return new Snapshot(
          stat, crc.getValue(), records == null ? null : new LinkedHashMap<>(records));
    }

    boolean sameFile(Snapshot other) {
      return stat.equals(other.stat) && crc == other.crc;
    }
  }
}
