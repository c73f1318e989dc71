package io.netroot.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.netroot.NetrootException;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The record of what netroot last applied, kept in {@code <root>/var/lib/netroot/state.json} and
 * replaced atomically. It is the third side of every comparison: desired, last applied, actual.
 *
 * <p>Format 2 keeps each text once, keyed by its sha256, because many resources share one (a host's
 * BIOS and UEFI PXE files are the same text):
 *
 * <pre>
 * {"format_version": 2,
 *  "contents": {"SHA256": "TEXT", ...},
 *  "resources": {"ID": {"path": "...", "kind": "FILE", "sha256": "SHA256"}, ...}}
 * </pre>
 *
 * Format 1 (each record with its own {@code content}) is still read, and rewritten as format 2 by
 * the next apply. The file is read and written with Jackson's streaming API: at ten thousand hosts
 * it holds twenty thousand records, and binding them through the object mapper cost more than
 * reading the files they describe. It is only rewritten when a record changed.
 */
public final class StateStore {

  /** Where the state lives, as a server path. */
  public static final String STATE_DIR = "/var/lib/netroot";

  static final int FORMAT_VERSION = 2;
  private static final JsonFactory JSON = new JsonFactory();

  /** The state file, as a server path. */
  static final String FILE = STATE_DIR + "/state.json";

  private final RootFs root;
  private final Path file;
  private final Map<ResourceId, AppliedRecord> records;
  private boolean dirty;
  private String warning;

  private StateStore(
      RootFs root, Path file, Map<ResourceId, AppliedRecord> records, boolean dirty) {
    this.root = root.writingTo(null);
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
    Path file = root.resolve(FILE);
    Map<ResourceId, AppliedRecord> records = new LinkedHashMap<>();
    int format;
    byte[] bytes = new byte[0];
    try {
      bytes = root.read(FILE);
      Snapshot last = LAST.get(file);
      Snapshot now = Snapshot.of(file, bytes, null);
      if (last != null && last.sameFile(now)) {
        records.putAll(last.records());
        return new StateStore(root, file, records, false);
      }
      format = read(bytes, records);
      if (format == FORMAT_VERSION) {
        LAST.put(file, Snapshot.of(file, bytes, records));
      }
    } catch (NoSuchFileException e) {
      // never applied: nothing recorded yet
      return new StateStore(root, file, records, true);
    } catch (UnsupportedFormatException e) {
      throw new NetrootException(file + e.getMessage(), e);
    } catch (NetrootException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IOException io && !(e instanceof JsonProcessingException)) {
        throw new NetrootException("cannot read state " + file + ": " + AtomicFile.describe(io), e);
      }
      StateStore fresh = new StateStore(root, file, new LinkedHashMap<>(), true);
      fresh.warning = corrupt(file, CorruptFile.what(bytes, e), moveAside);
      return fresh;
    }
    return new StateStore(root, file, records, format != FORMAT_VERSION);
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

  /** Fills {@code records} from a state file of format 1 or 2; returns the format. */
  static int read(byte[] bytes, Map<ResourceId, AppliedRecord> records) throws IOException {
    int format = -1;
    Map<String, String> contents = new HashMap<>();
    Map<String, String[]> raw = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(bytes)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "format_version" -> {
            format = parser.getIntValue();
            if (format != 1 && format != FORMAT_VERSION) {
              throw new UnsupportedFormatException(
                  " has state format "
                      + format
                      + "; this netroot reads formats 1 and "
                      + FORMAT_VERSION
                      + "; run the netroot that wrote it");
            }
          }
          case "contents" -> {
            expect(value, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String sha = parser.currentName();
              parser.nextToken();
              contents.put(sha, parser.getValueAsString());
            }
          }
          case "resources" -> {
            expect(value, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String id = parser.currentName();
              expect(parser.nextToken(), JsonToken.START_OBJECT);
              String[] record = new String[4];
              while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                  case "path" -> record[0] = parser.getValueAsString();
                  case "kind" -> record[1] = parser.getValueAsString();
                  case "sha256" -> record[2] = parser.getValueAsString();
                  case "content" -> record[3] = parser.getValueAsString();
                  default -> parser.skipChildren();
                }
              }
              raw.put(id, record);
            }
          }
          default -> parser.skipChildren();
        }
      }
    }
    if (format < 0) {
      throw new StateLayoutException("has no format_version");
    }
    for (Map.Entry<String, String[]> entry : raw.entrySet()) {
      String[] r = entry.getValue();
      String content = r[3] != null ? r[3] : r[2] == null ? null : contents.get(r[2]);
      records.put(
          new ResourceId(entry.getKey()),
          new AppliedRecord(r[0], r[1] == null ? null : StateKind.valueOf(r[1]), r[2], content));
    }
    return format;
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new StateLayoutException("expected " + expected + ", found " + actual);
    }
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
    byte[] bytes = encode(records);
    root.directory(STATE_DIR, STATE_DIR);
    root.writeFile(FILE, bytes, FileModes.parse("0600"));
    dirty = false;
    try {
      LAST.put(file, Snapshot.of(file, bytes, records));
    } catch (IOException e) {
      LAST.remove(file);
    }
  }

  /**
   * The records of the state file as this process last read or wrote it, for a process that reads
   * the same state pass after pass (the daemon). It is used only while the file is that very file:
   * same inode, size, times and CRC-32C of its bytes.
   */
  private record Snapshot(String stat, long crc, Map<ResourceId, AppliedRecord> records) {
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

  private static final Map<Path, Snapshot> LAST = new ConcurrentHashMap<>();

  /** A state file of a format this netroot does not know: the message follows the file's name. */
  private static final class UnsupportedFormatException extends NetrootException {
    UnsupportedFormatException(String message) {
      super(message);
    }
  }

  /** Valid JSON that is not a state file (a record where a text should be). */
  private static final class StateLayoutException extends RuntimeException {
    StateLayoutException(String message) {
      super(message);
    }
  }

  /** Format 2, one record or text per line so that the file reads well in a pager. */
  static byte[] encode(Map<ResourceId, AppliedRecord> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * records.size() + 64);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeRaw('\n');
      json.writeNumberField("format_version", FORMAT_VERSION);
      json.writeRaw('\n');
      json.writeObjectFieldStart("contents");
      Set<String> written = new java.util.HashSet<>();
      for (AppliedRecord record : records.values()) {
        if (record.content() != null && written.add(record.sha256())) {
          json.writeRaw('\n');
          json.writeStringField(record.sha256(), record.content());
        }
      }
      json.writeEndObject();
      json.writeRaw('\n');
      json.writeObjectFieldStart("resources");
      for (Map.Entry<ResourceId, AppliedRecord> entry : records.entrySet()) {
        AppliedRecord record = entry.getValue();
        json.writeRaw('\n');
        json.writeObjectFieldStart(entry.getKey().value());
        json.writeStringField("path", record.path());
        json.writeStringField("kind", record.kind() == null ? null : record.kind().name());
        json.writeStringField("sha256", record.sha256());
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new NetrootException("cannot encode state: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
