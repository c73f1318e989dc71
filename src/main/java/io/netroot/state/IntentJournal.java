package io.netroot.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes a pass is about to rename into place, journaled before the renames and cleared once
 * the state records them. The state file is saved at the end of a pass; a pass killed after its
 * renames and before that save leaves files holding netroot's own writes that the state does not
 * know. The next run finds them here: a file whose content hash is the journaled one is netroot's
 * write, not a hand edit. Kept in {@code <root>/var/lib/netroot/intent.json}:
 *
 * <pre>
 * {"format_version": 1,
 *  "writes": [{"id": "file:/srv/tftp/pxelinux.cfg/default", "path": "...", "kind": "FILE",
 *              "sha256": "..."}, ...]}
 * </pre>
 */
public final class IntentJournal {

  /** The journal, as a server path. */
  static final String FILE = StateStore.STATE_DIR + "/intent.json";

  static final int FORMAT_VERSION = 1;

  /** One write about to be renamed into place: the managed content's hash once it is. */
  public record Write(String id, String path, StateKind kind, Sha256 sha256) {

    /** The state record this write stands for, with the text netroot wrote when known. */
    public AppliedRecord record(String content) {
      return new AppliedRecord(path, kind, sha256, content);
    }
  }

  record Document(@JsonProperty("format_version") int formatVersion, List<Write> writes) {}

  private final JournalFile journal;
  private String unreadable;

  public IntentJournal(RootFs root) {
    this.journal = new JournalFile(root, FILE);
  }

  /**
   * The journaled writes by resource; empty when there is no journal. A journal that cannot be read
   * is treated as empty, and {@link #unreadable()} says why; an apply moves it aside.
   */
  public Map<ResourceId, Write> load(boolean moveAside) {
    JournalFile.Loaded<Map<ResourceId, Write>> loaded =
        journal.load(
            Document.class,
            IntentJournal::writes,
            moveAside,
            "the writes of the interrupted pass it listed are treated as hand edits and backed up");
    unreadable = loaded.unreadable();
    return loaded.value() == null ? new LinkedHashMap<>() : loaded.value();
  }

  private static Map<ResourceId, Write> writes(Document doc) {
    if (doc.writes() == null) {
      throw new IllegalArgumentException("no writes");
    }
    Map<ResourceId, Write> writes = new LinkedHashMap<>();
    for (Write w : doc.writes()) {
      if (w == null || w.id() == null || w.sha256() == null) {
        throw new IllegalArgumentException("a write without id or hash");
      }
      writes.put(ResourceId.parse(w.id()), w);
    }
    return writes;
  }

  /** Why the journal could not be read by {@link #load}, or {@code null} when it could. */
  public String unreadable() {
    return unreadable;
  }

  /** Replaces the journal atomically and flushes it to disk; no writes removes it. */
  public void save(Collection<Write> writes) {
    if (writes.isEmpty()) {
      clear();
    } else {
      journal.save(new Document(FORMAT_VERSION, new ArrayList<>(writes)), false);
    }
  }

  public void clear() {
    journal.clear();
  }
}
