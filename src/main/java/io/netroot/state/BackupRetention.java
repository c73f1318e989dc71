package io.netroot.state;

import io.netroot.NetrootException;
import io.netroot.catalog.BackupLimits;
import io.netroot.os.AtomicFile;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes old copies of hand edits from the backups, so that they do not grow for ever: per file,
 * the copies beyond the newest {@link BackupLimits#keep()} and those older than {@link
 * BackupLimits#maxAge()}. The newest copy of every file stays, however old: it may be the only
 * record of a hand edit.
 *
 * <p>The index is rewritten first, atomically, and only then are the copies deleted: a crash in
 * between leaves copies the index no longer names (wasted space), never an index entry whose copy
 * is gone.
 */
public final class BackupRetention {

  private static final Logger log = LoggerFactory.getLogger(BackupRetention.class);

  private final RootFs root;
  private final Clock clock;

  public BackupRetention(RootFs root, Clock clock) {
    this.root = root.writingTo(null);
    this.clock = clock;
  }

  /**
   * Removes the copies {@code limits} does not keep.
   *
   * @return the entries removed, oldest first
   */
  public List<Backups.Entry> prune(BackupLimits limits) {
    Backups backups = new Backups(root, clock);
    List<Backups.Entry> entries = backups.list();
    List<Backups.Entry> removed = expired(entries, limits, clock.instant());
    if (removed.isEmpty()) {
      return removed;
    }
    Set<Backups.Entry> gone = new HashSet<>(removed);
    backups.replaceIndex(entries.stream().filter(e -> !gone.contains(e)).toList());
    for (Backups.Entry entry : removed) {
      deleteCopy(entry);
    }
    log.info(
        "removed {} old backups (keeping {} per file, {} at most)",
        removed.size(),
        limits.keep(),
        limits.maxAge());
    return removed;
  }

  /**
   * The entries {@code limits} does not keep, in index order. {@code entries} is the index, oldest
   * first; a copy whose time cannot be read is judged by count alone.
   */
  static List<Backups.Entry> expired(
      List<Backups.Entry> entries, BackupLimits limits, Instant now) {
    Map<String, List<Backups.Entry>> byPath = new LinkedHashMap<>();
    for (Backups.Entry entry : entries) {
      byPath.computeIfAbsent(entry.path(), p -> new ArrayList<>()).add(entry);
    }
    Set<Backups.Entry> expired = new HashSet<>();
    for (List<Backups.Entry> copies : byPath.values()) {
      // newest last in the index; the newest (rank 0) is never removed
      for (int rank = 1; rank < copies.size(); rank++) {
        Backups.Entry entry = copies.get(copies.size() - 1 - rank);
        if (rank >= limits.keep() || olderThan(entry, limits.maxAge(), now)) {
          expired.add(entry);
        }
      }
    }
    return entries.stream().filter(expired::contains).toList();
  }

  private static boolean olderThan(Backups.Entry entry, Duration maxAge, Instant now) {
    try {
      return Instant.parse(entry.time()).plus(maxAge).isBefore(now);
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }

  /** Deletes one copy, then the directories of its backup that it leaves empty. */
  private void deleteCopy(Backups.Entry entry) {
    String top = Backups.DIR + "/" + entry.id();
    String copy = top + entry.path();
    try {
      root.remove(copy);
      for (String dir = parentOf(copy); dir.length() >= top.length(); dir = parentOf(dir)) {
        Path real = root.resolve(dir);
        if (!root.isDirectory(dir) || !isEmpty(real)) {
          break;
        }
        Files.delete(real);
      }
    } catch (IOException | NetrootException e) {
      // the index no longer names it: it is only space, and the next prune does not retry it
      log.warn(
          "cannot remove old backup {} of {}: {}",
          entry.id(),
          entry.path(),
          e instanceof IOException io ? AtomicFile.describe(io) : e.getMessage());
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var children = Files.list(dir)) {
      return children.findAny().isEmpty();
    }
  }

  private static String parentOf(String serverPath) {
    return serverPath.substring(0, serverPath.lastIndexOf('/'));
  }
}
