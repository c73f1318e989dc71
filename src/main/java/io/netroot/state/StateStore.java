package io.netroot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netroot.NetrootException;
import io.netroot.catalog.ResourceId;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record of what netroot last applied, kept in {@code <root>/var/lib/netroot/state.json} and
 * replaced atomically. It is the third side of every comparison: desired, last applied, actual. The
 * records are held in memory, in the order they were put; {@link StateFileFormat} reads and writes
 * the file's bytes. It is only rewritten when a record changed.
 */
public final class StateStore {

  /** Where the state lives, as a server path. */
  public static final String STATE_DIR = "/var/lib/netroot";

  /** The state file, as a server path. */
  static final String FILE = STATE_DIR + "/state.json";

  private final RootFs root;
  private final Path file;
  private final Map<ResourceId, AppliedRecord> records;
  private final StateSnapshots snapshots;
  private boolean dirty;
  private String warning;

  private StateStore(
      RootFs root,
      Path file,
      Map<ResourceId, AppliedRecord> records,
      boolean dirty,
      StateSnapshots snapshots) {
    this.root = root.writingTo(null);
    this.snapshots = snapshots;
    this.file = file;
    this.records = records;
    this.dirty = dirty;
  }

  /**
   * Reads the state of a root; a root never applied to has an empty state. The file, and the
   * directories on the way to it, are never read through a symbolic link. A state file that cannot
   * be read is an error here; see {@link #open(RootFs, boolean)} to recover from it.
   */
  public static StateStore open(RootFs root) {
    StateStore store = open(root, false);
    if (store.warning != null) {
      throw new NetrootException(store.warning);
    }
    return store;
  }

  /**
   * Reads the state of a root, recovering from a corrupt state file: starting from no record is
   * safe, because every managed file that differs from the specs is then backed up before it is
   * overwritten. The store says so in {@link #warning()}.
   *
   * @param moveAside rename a corrupt file to {@code state.json.corrupt-TIMESTAMP} (an apply); else
   *     it is left for the next apply (a dry run changes nothing)
   */
  public static StateStore open(RootFs root, boolean moveAside) {
    return open(root, moveAside, new StateSnapshots());
  }

  /**
   * As {@link #open(RootFs, boolean)}, taking the records from {@code snapshots} while the state
   * file is the very file this process last read or wrote there.
   *
   * @param snapshots what earlier reads and writes of this process left; kept by a long-lived
   *     process (the daemon), fresh for a one-off command
   */
  public static StateStore open(RootFs root, boolean moveAside, StateSnapshots snapshots) {
    Path file = root.resolve(FILE);
    Map<ResourceId, AppliedRecord> records = new LinkedHashMap<>();
    int format;
    byte[] bytes = new byte[0];
    try {
      StateSnapshots.Snapshot last = snapshots.get(file);
      if (last != null && last.stillSettledAt(file)) {
        records.putAll(last.records());
        return new StateStore(root, file, records, false, snapshots);
      }
      bytes = root.read(FILE);
      StateSnapshots.Snapshot now = StateSnapshots.Snapshot.of(file, bytes, null);
      if (last != null && last.sameFile(now)) {
        snapshots.put(file, last.checkedAgain(now));
        records.putAll(last.records());
        return new StateStore(root, file, records, false, snapshots);
      }
      format = StateFileFormat.read(bytes, records);
      if (format == StateFileFormat.FORMAT_VERSION) {
        snapshots.put(file, StateSnapshots.Snapshot.of(file, bytes, records));
      }
    } catch (NoSuchFileException e) {
      // never applied: nothing recorded yet
      return new StateStore(root, file, records, true, snapshots);
    } catch (StateFileFormat.UnsupportedFormatException e) {
      throw new NetrootException(file + e.getMessage(), e);
    } catch (NetrootException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IOException io && !(e instanceof JsonProcessingException)) {
        throw new NetrootException("cannot read state " + file + ": " + AtomicFile.describe(io), e);
      }
      StateStore fresh = new StateStore(root, file, new LinkedHashMap<>(), true, snapshots);
      fresh.warning = corrupt(file, CorruptFile.what(bytes, e), moveAside);
      return fresh;
    }
    return new StateStore(root, file, records, format != StateFileFormat.FORMAT_VERSION, snapshots);
  }

  private static String corrupt(Path file, String what, boolean moveAside) {
    if (moveAside) {
      return file
          + " "
          + what
          + "; it was moved to "
          + CorruptFile.moveAside(file)
          + " and netroot starts from no record: every managed file that differs is treated as"
          + " a hand edit and backed up";
    }
    return file
        + " "
        + what
        + "; the next apply moves it aside and starts from no record: every managed file that"
        + " differs is then treated as a hand edit and backed up";
  }

  /** Why the state file was not used, when it could not be read; else {@code null}. */
  public String warning() {
    return warning;
  }

  public Optional<AppliedRecord> get(ResourceId id) {
    return Optional.ofNullable(records.get(id));
  }

  public Set<ResourceId> ids() {
    return Collections.unmodifiableSet(records.keySet());
  }

  public void put(ResourceId id, AppliedRecord record) {
    AppliedRecord before = records.put(id, record);
    dirty |= !record.equals(before);
  }

  public void remove(ResourceId id) {
    dirty |= records.remove(id) != null;
  }

  /** Whether {@link #save} has something to write. */
  boolean dirty() {
    return dirty;
  }

  /** Writes the state file atomically, when a record changed since it was read. */
  public void save() {
    if (!dirty) {
      return;
    }
    byte[] bytes = StateFileFormat.encode(records);
    root.directory(STATE_DIR, STATE_DIR);
    root.writeFile(FILE, bytes, FileModes.parse("0600"));
    dirty = false;
    try {
      snapshots.put(file, StateSnapshots.Snapshot.of(file, bytes, records));
    } catch (IOException e) {
      snapshots.remove(file);
    }
  }
}
