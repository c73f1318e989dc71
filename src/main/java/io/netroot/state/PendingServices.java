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
import java.nio.file.Files;
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

  private final Path file;

  public PendingServices(RootFs root) {
    this.file = root.resolve(StateStore.STATE_DIR).resolve("pending-services.json");
  }

  /** The actions owed, each with the paths whose change called for it; empty when none. */
  public Map<ServiceAction, List<String>> load() {
    Map<ServiceAction, List<String>> pending = new LinkedHashMap<>();
    try {
      Journal journal = JSON.readValue(Files.readAllBytes(file), Journal.class);
      for (Entry e : journal.pending()) {
        pending.put(new ServiceAction(e.kind(), e.service()), new ArrayList<>(e.causes()));
      }
    } catch (NoSuchFileException e) {
      // nothing owed
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return pending;
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
      AtomicFile.write(
          file,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Journal(entries)),
          FileModes.parse("0600"));
    } catch (JsonProcessingException e) {
      throw new NetrootException("cannot encode " + file + ": " + e.getMessage(), e);
    }
  }

  public void clear() {
    try {
      if (Files.deleteIfExists(file)) {
        AtomicFile.syncDirectory(file.getParent());
      }
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  record Journal(List<Entry> pending) {}

  record Entry(ServiceAction.Kind kind, String service, List<String> causes) {}
}
