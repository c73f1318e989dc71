package io.netroot.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies of files as they were just before netroot overwrote or removed them, when they held
 * something netroot did not write (a hand edit), kept under {@code <root>/var/lib/netroot/backups/}
 * with an index, so no hand edit is ever lost.
 *
 * <p>The backups are root's alone: directories 0700, copies 0600 (0400 for a file its owner could
 * not write), never set-id or executable, the index 0600. A symbolic link is backed up as the link
 * (where it pointed), never as what it pointed to, and nothing here is read through a link.
 */
public final class Backups {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Where the backups are, as a server path. */
  static final String DIR = StateStore.STATE_DIR + "/backups";

  private static final Set<PosixFilePermission> PRIVATE = FileModes.parse("0600");

  /**
   * One saved copy.
   *
   * @param id the backup's name, usable with {@code agent backups --restore}
   * @param time when it was taken
   * @param path the server path of the file
   * @param reason why the file was about to change
   * @param sha256 hash of the saved bytes
   * @param link where the file pointed, when it was a symbolic link; {@code null} for a file
   */
  public record Entry(
      String id,
      String time,
      String path,
      String reason,
      Sha256 sha256,
      @JsonInclude(JsonInclude.Include.NON_NULL) String link) {}

  private final RootFs root;
  private final Clock clock;
  private final BackupIndex index;

  public Backups(RootFs root, Clock clock) {
    // a backup is on disk before the file it keeps is replaced: never staged in a batch
    this.root = root.writingTo(null);
    this.clock = clock;
    this.index = new BackupIndex(this.root);
  }

  /** Whether there is something at {@code path} a backup can keep: a file or a link. */
  public boolean canSave(String path) {
    return look(path).map(a -> a.isRegularFile() || a.isSymbolicLink()).orElse(false);
  }

  /** Saves the current file at {@code path}; returns the entry, or null when there is no file. */
  public Entry save(String path, String reason) {
    Optional<PosixFileAttributes> attributes = look(path);
    if (attributes.isEmpty()
        || !(attributes.get().isRegularFile() || attributes.get().isSymbolicLink())) {
      return null;
    }
    try {
      // The file is looked at again as it is read: what was a file may be a link by now.
      return keep(path, root.look(path), attributes, reason);
    } catch (IOException e) {
      throw new NetrootException("cannot back up " + path + ": " + AtomicFile.describe(e), e);
    }
  }

  /**
   * Saves the file at {@code path} as the caller observed it ({@code observed}, read without
   * following a link), so the backup keeps exactly what a decision was made on. Its mode is the
   * file's mode now, if it is still there; returns null when nothing was observed.
   */
  public Entry save(String path, Found observed, String reason) {
    try {
      return keep(path, observed, look(path), reason);
    } catch (IOException e) {
      throw new NetrootException("cannot back up " + path + ": " + AtomicFile.describe(e), e);
    }
  }

  private Entry keep(
      String path, Found found, Optional<PosixFileAttributes> attributes, String reason)
      throws IOException {
    Instant now = clock.instant();
    if (found instanceof Found.File file) {
      Set<PosixFilePermission> mode =
          attributes
              .filter(PosixFileAttributes::isRegularFile)
              .map(a -> FileModes.forBackup(a.permissions()))
              .orElse(PRIVATE);
      return keep(path, file.bytes(), null, mode, reason, now);
    }
    if (found instanceof Found.Link l) {
      return keep(
          path, l.target().getBytes(StandardCharsets.UTF_8), l.target(), PRIVATE, reason, now);
    }
    return null;
  }

  /**
   * Saves {@code bytes} as the file at {@code path} was just before it changes, when the caller
   * read it itself (a file inside a root image, read without following a link). The copy is 0600.
   */
  public Entry save(String path, byte[] bytes, String reason) {
    try {
      return keep(path, bytes, null, PRIVATE, reason, clock.instant());
    } catch (IOException e) {
      throw new NetrootException("cannot back up " + path + ": " + AtomicFile.describe(e), e);
    }
  }

  private Entry keep(
      String path,
      byte[] bytes,
      String link,
      Set<PosixFilePermission> mode,
      String reason,
      Instant now)
      throws IOException {
    String id = uniqueId(STAMP.format(now));
    String copy = DIR + "/" + id + path;
    root.directory(parentOf(copy), StateStore.STATE_DIR);
    root.writeFile(copy, bytes, mode);
    Entry entry = new Entry(id, now.toString(), path, reason, Sha256.of(bytes), link);
    index.append(JSON.writeValueAsString(entry) + "\n");
    return entry;
  }

  private Optional<PosixFileAttributes> look(String path) {
    try {
      return root.attributes(path);
    } catch (IOException e) {
      throw new NetrootException("cannot look at " + path + ": " + AtomicFile.describe(e), e);
    }
  }

  private String uniqueId(String stamp) {
    for (int n = 1; ; n++) {
      String id = stamp + "-" + n;
      if (look(DIR + "/" + id).isEmpty()) {
        return id;
      }
    }
  }

  private static String parentOf(String serverPath) {
    return serverPath.substring(0, serverPath.lastIndexOf('/'));
  }

  /** Every backup, oldest first; a line of the index that cannot be read is skipped. */
  public List<Entry> list() {
    return read().entries();
  }

  /**
   * The index as read: every backup, oldest first, and the lines that could not be read (torn by a
   * crash in the middle of an append), each as a warning naming its line number.
   */
  public record Index(List<Entry> entries, List<String> warnings) {}

  /** Reads the index, skipping (and naming) the lines that cannot be read. */
  public Index read() {
    return index.read();
  }

  /** Replaces the index with {@code entries}, atomically (for {@link BackupRetention}). */
  void replaceIndex(List<Entry> entries) {
    index.replace(entries);
  }

  /**
   * Puts a backed-up file back in place (atomically). The file as it was before the restore is
   * itself backed up first. A backed-up link is put back as that link.
   */
  public Entry restore(String id, String path) {
    Entry entry =
        list().stream()
            .filter(e -> e.id().equals(id) && (path == null || e.path().equals(path)))
            .findFirst()
            .orElseThrow(
                () ->
                    new NetrootException("no backup " + id + (path == null ? "" : " of " + path)));
    try {
      if (entry.link() != null) {
        save(entry.path(), "before restoring backup " + id);
        RestoredLink.put(root, entry.path(), entry.link());
        return entry;
      }
      byte[] bytes = root.read(DIR + "/" + entry.id() + entry.path());
      save(entry.path(), "before restoring backup " + id);
      root.writeFile(entry.path(), bytes, null);
      return entry;
    } catch (IOException e) {
      throw new NetrootException(
          "cannot restore " + entry.path() + " from backup " + id + ": " + AtomicFile.describe(e),
          e);
    }
  }
}
