package io.netroot.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of files as they were just before netroot overwrote or removed them, when they held
 * something netroot did not write (a hand edit), kept under {@code <root>/var/lib/netroot/backups/}
 * with an index, so no hand edit is ever lost.
 */
public final class Backups {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * One saved copy.
   *
   * @param id the backup's name, usable with {@code agent backups --restore}
   * @param time when it was taken
   * @param path the server path of the file
   * @param reason why the file was about to change
   * @param sha256 hash of the saved bytes
   */
  public record Entry(String id, String time, String path, String reason, String sha256) {}

  private final RootFs root;
  private final Path dir;
  private final Clock clock;

  public Backups(RootFs root, Clock clock) {
    this.root = root;
    this.dir = root.resolve(StateStore.STATE_DIR).resolve("backups");
    this.clock = clock;
  }

  /** Saves the current file at {@code path}; returns the entry, or null when there is no file. */
  public Entry save(String path, String reason) {
    Path real = root.resolve(path);
    if (!Files.isRegularFile(real)) {
      return null;
    }
    Instant now = clock.instant();
    try {
      Files.createDirectories(dir);
      String id = uniqueId(STAMP.format(now));
      Path copy = dir.resolve(id).resolve(path.startsWith("/") ? path.substring(1) : path);
      Files.createDirectories(copy.getParent());
      Files.copy(real, copy, StandardCopyOption.COPY_ATTRIBUTES);
      String sha = io.netroot.catalog.Content.sha256(Files.readAllBytes(copy));
      Entry entry = new Entry(id, now.toString(), path, reason, sha);
      Files.write(
          dir.resolve("index.jsonl"),
          (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return entry;
    } catch (IOException e) {
      throw new NetrootException("cannot back up " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Saves {@code bytes} as the file at {@code path} was just before it changes, when the caller
   * read it itself (a file inside a root image, read without following a link). The copy is 0600.
   */
  public Entry save(String path, byte[] bytes, String reason) {
    Instant now = clock.instant();
    try {
      Files.createDirectories(dir);
      String id = uniqueId(STAMP.format(now));
      Path copy = dir.resolve(id).resolve(path.startsWith("/") ? path.substring(1) : path);
      Files.createDirectories(copy.getParent());
      // created 0600 before any byte is in it
      Files.createFile(
          copy,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.write(copy, bytes, StandardOpenOption.WRITE);
      Entry entry =
          new Entry(id, now.toString(), path, reason, io.netroot.catalog.Content.sha256(bytes));
      Files.write(
          dir.resolve("index.jsonl"),
          (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return entry;
    } catch (IOException e) {
      throw new NetrootException("cannot back up " + path + ": " + e.getMessage(), e);
    }
  }

  private String uniqueId(String stamp) {
    for (int n = 1; ; n++) {
      String id = stamp + "-" + n;
      if (!Files.exists(dir.resolve(id))) {
        return id;
      }
    }
  }

  /** Every backup, oldest first. */
  public List<Entry> list() {
    List<Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          entries.add(JSON.readValue(line, Entry.class));
        }
      }
    } catch (NoSuchFileException e) {
      return entries;
    } catch (IOException e) {
      throw new NetrootException("cannot read the backup index: " + e.getMessage(), e);
    }
    return entries;
  }

  /**
   * Puts a backed-up file back in place (atomically). The file as it was before the restore is
   * itself backed up first.
   */
  public Entry restore(String id, String path) {
    Entry entry =
        list().stream()
            .filter(e -> e.id().equals(id) && (path == null || e.path().equals(path)))
            .findFirst()
            .orElseThrow(
                () ->
                    new NetrootException("no backup " + id + (path == null ? "" : " of " + path)));
    Path copy = dir.resolve(entry.id()).resolve(entry.path().substring(1));
    try {
      byte[] bytes = Files.readAllBytes(copy);
      save(entry.path(), "before restoring backup " + id);
      AtomicFile.write(root.resolve(entry.path()), bytes, null);
      return entry;
    } catch (IOException e) {
      throw new NetrootException(
          "cannot restore " + entry.path() + " from backup " + id + ": " + e.getMessage(), e);
    }
  }
}
