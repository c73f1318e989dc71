package io.netroot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The journal, as a server path. */
  static final String FILE = StateStore.STATE_DIR + "/pending-services.json";

  private final RootFs root;
  private final Path file;
  private String unreadable;

  public PendingServices(RootFs root) {
    // the journal is on disk before the writes it covers: never staged in a batch
    this.root = root.writingTo(null);
    this.file = root.resolve(FILE);
  }

  /**
   * The actions owed, each with the paths whose change called for it; empty when none. A journal
   * that cannot be read is moved aside ({@code pending-services.json.corrupt-TIMESTAMP}) and {@link
   * #unreadable()} says so: what it owed is then unknown.
   */
  public Map<ServiceAction, List<String>> load() {
    Map<ServiceAction, List<String>> pending = new LinkedHashMap<>();
    byte[] bytes = new byte[0];
    try {
      bytes = root.read(FILE);
      Journal journal = JSON.readValue(bytes, Journal.class);
      if (journal == null || journal.pending() == null) {
        throw new IllegalArgumentException("no pending list");
      }
      for (Entry e : journal.pending()) {
        if (e == null || e.kind() == null || e.causes() == null) {
          throw new IllegalArgumentException("an entry without kind or causes");
        }
        pending.put(new ServiceAction(e.kind(), e.service()), new ArrayList<>(e.causes()));
      }
    } catch (NoSuchFileException e) {
      // nothing owed
    } catch (JsonProcessingException | IllegalArgumentException e) {
      unreadable =
          file
              + " "
              + CorruptFile.what(bytes, e)
              + "; it was moved to "
              + CorruptFile.moveAside(file)
              + " and every service netroot manages is restarted once, since which ones were owed"
              + " is unknown";
      return new LinkedHashMap<>();
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + AtomicFile.describe(e), e);
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
    try {
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Journal(entries));
      root.directory(StateStore.STATE_DIR, StateStore.STATE_DIR);
      root.writeFile(FILE, bytes, FileModes.parse("0600"));
    } catch (JsonProcessingException e) {
      throw new NetrootException("cannot encode " + file + ": " + e.getMessage(), e);
    }
  }

  public void clear() {
    try {
      root.remove(FILE);
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + file + ": " + AtomicFile.describe(e), e);
    }
  }

  record Journal(List<Entry> pending) {}

  record Entry(ServiceAction.Kind kind, String service, List<String> causes) {}
}
