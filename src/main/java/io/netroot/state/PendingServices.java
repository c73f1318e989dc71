package io.netroot.state;

import io.netroot.catalog.ServiceAction;
import io.netroot.os.RootFs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of service actions a pass owes: written before the first configuration write that
 * calls for one, cleared once the services have run. A crash in between leaves it behind, and the
 * next apply runs what it holds, so a restart is never lost. Kept in {@code
 * <root>/var/lib/netroot/pending-services.json}.
 */
public final class PendingServices {

  /** The journal, as a server path. */
  static final String FILE = StateStore.STATE_DIR + "/pending-services.json";

  private final JournalFile journal;
  private String unreadable;

  public PendingServices(RootFs root) {
    this.journal = new JournalFile(root, FILE);
  }

  /**
   * The actions owed, each with the paths whose change called for it; empty when none. A journal
   * that cannot be read is moved aside ({@code pending-services.json.corrupt-TIMESTAMP}) and {@link
   * #unreadable()} says so: what it owed is then unknown.
   */
  public Map<ServiceAction, List<String>> load() {
    JournalFile.Loaded<Map<ServiceAction, List<String>>> loaded =
        journal.load(
            Journal.class,
            PendingServices::pending,
            true,
            "every service netroot manages is restarted once, since which ones were owed is"
                + " unknown");
    unreadable = loaded.unreadable();
    return loaded.value() == null ? new LinkedHashMap<>() : loaded.value();
  }

  private static Map<ServiceAction, List<String>> pending(Journal journal) {
    if (journal.pending() == null) {
      throw new IllegalArgumentException("no pending list");
    }
    Map<ServiceAction, List<String>> pending = new LinkedHashMap<>();
    for (Entry e : journal.pending()) {
      if (e == null || e.kind() == null || e.causes() == null) {
        throw new IllegalArgumentException("an entry without kind or causes");
      }
      pending.put(new ServiceAction(e.kind(), e.service()), new ArrayList<>(e.causes()));
    }
    return pending;
  }

  /** Why the journal could not be read by {@link #load}, or {@code null} when it could. */
  public String unreadable() {
    return unreadable;
  }

  /** Replaces the journal atomically; an empty map removes it. */
  public void save(Map<ServiceAction, List<String>> pending) {
    if (pending.isEmpty()) {
      clear();
      return;
    }
    List<Entry> entries = new ArrayList<>();
    pending.forEach((a, causes) -> entries.add(new Entry(a.kind(), a.service(), causes)));
    journal.save(new Journal(entries), true);
  }

  public void clear() {
    journal.clear();
  }

  record Journal(List<Entry> pending) {}

  record Entry(ServiceAction.Kind kind, String service, List<String> causes) {}
}
