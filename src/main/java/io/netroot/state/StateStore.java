package io.netroot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.catalog.ResourceId;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record of what netroot last applied, kept in {@code <root>/var/lib/netroot/state.json} and
 * replaced atomically. It is the third side of every comparison: desired, last applied, actual.
 */
public final class StateStore {

  /** Where the state lives, as a server path. */
  public static final String STATE_DIR = "/var/lib/netroot";

  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private final Map<ResourceId, AppliedRecord> records;

  private StateStore(Path file, Map<ResourceId, AppliedRecord> records) {
    this.file = file;
    this.records = records;
  }

  /** Reads the state of a root; a root never applied to has an empty state. */
  public static StateStore open(RootFs root) {
    Path file = root.resolve(STATE_DIR).resolve("state.json");
    Map<ResourceId, AppliedRecord> records = new LinkedHashMap<>();
    try {
      StateFile stored = JSON.readValue(Files.readAllBytes(file), StateFile.class);
      if (stored.format_version() != FORMAT_VERSION) {
        throw new NetrootException(
            file
                + " has state format "
                + stored.format_version()
                + "; this netroot reads format "
                + FORMAT_VERSION);
      }
      stored.resources().forEach((id, record) -> records.put(new ResourceId(id), record));
    } catch (NoSuchFileException e) {
      // never applied: nothing recorded yet
    } catch (IOException e) {
      throw new NetrootException("cannot read state " + file + ": " + e.getMessage(), e);
    }
    return new StateStore(file, records);
  }

  public Optional<AppliedRecord> get(ResourceId id) {
    return Optional.ofNullable(records.get(id));
  }

  public Set<ResourceId> ids() {
    return Collections.unmodifiableSet(records.keySet());
  }

  public void put(ResourceId id, AppliedRecord record) {
    records.put(id, record);
  }

  public void remove(ResourceId id) {
    records.remove(id);
  }

  /** Writes the state file atomically. */
  public void save() {
    Map<String, AppliedRecord> out = new LinkedHashMap<>();
    records.forEach((id, record) -> out.put(id.value(), record));
    try {
      byte[] bytes =
          JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(new StateFile(FORMAT_VERSION, out));
      AtomicFile.write(file, bytes, FileModes.parse("0600"));
    } catch (JsonProcessingException e) {
      throw new NetrootException("cannot encode state: " + e.getMessage(), e);
    }
  }

  /** The file's JSON shape; snake_case like the rest of netroot's JSON. */
  record StateFile(int format_version, Map<String, AppliedRecord> resources) {}
}
