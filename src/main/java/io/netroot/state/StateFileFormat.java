package io.netroot.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netroot.NetrootException;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.os.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bytes of {@code state.json}, which {@link StateStore} keeps. Format 2 keeps each text once,
 * keyed by its sha256, because many resources share one (a host's BIOS and UEFI PXE files are the
 * same text):
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
 * reading the files they describe.
 */
final class StateFileFormat {

  static final int FORMAT_VERSION = 2;
  private static final JsonFactory JSON = new JsonFactory();

  private StateFileFormat() {}

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
      try {
        records.put(
            ResourceId.parse(entry.getKey()),
            new AppliedRecord(
                r[0],
                r[1] == null ? null : StateKind.valueOf(r[1]),
                r[2] == null ? null : Sha256.parse(r[2]),
                content));
      } catch (IllegalArgumentException e) {
        throw new StateLayoutException(e.getMessage());
      }
    }
    return format;
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new StateLayoutException("expected " + expected + ", found " + actual);
    }
  }

  /** A state file of a format this netroot does not know: the message follows the file's name. */
  static final class UnsupportedFormatException extends NetrootException {
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
      Set<Sha256> written = new HashSet<>();
      for (AppliedRecord record : records.values()) {
        if (record.content() != null && written.add(record.sha256())) {
          json.writeRaw('\n');
          json.writeStringField(record.sha256().hex(), record.content());
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
        json.writeStringField("sha256", record.sha256() == null ? null : record.sha256().hex());
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
