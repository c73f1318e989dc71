package io.netroot.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the agent's last pass, in {@code <root>/var/lib/netroot/status.json}, replaced
 * atomically after each pass; {@code agent status} reads it.
 */
public final class StatusFile {

  /** The file, as a server path. */
  public static final String PATH = "/var/lib/netroot/status.json";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatusFile() {}

  /** Writes the status, encoded once by {@link #encode}, in place of the last. */
  static void write(RootFs root, byte[] encoded) {
    root.directory("/var/lib/netroot", "/var/lib/netroot");
    root.writingTo(null).writeFile(PATH, encoded, FileModes.parse("0644"));
  }

  /**
   * The status as the file holds it: indented JSON and a newline, in UTF-8. At fleet scale it lists
   * a hundred thousand resources, so it is made once per publish and straight into bytes.
   */
  static byte[] encode(Map<String, Object> status) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      JSON.writeValue(out, status);
    } catch (IOException e) {
      throw new IllegalStateException("maps of plain values always encode", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * What {@link #encode} makes of the document {@code encoded} was made from with one more entry,
   * {@code key}, at its end, without encoding the rest again: the agent marks each pass in progress
   * in a status that lists every resource. Empty when {@code encoded} is not an object with entries
   * as {@link #encode} writes it.
   */
  static Optional<byte[]> withEntry(byte[] encoded, String key, Object value) {
    byte[] end = "\n}\n".getBytes(StandardCharsets.UTF_8);
    int keep = encoded.length - end.length;
    if (keep <= 1
        || !Arrays.equals(encoded, keep, encoded.length, end, 0, end.length)
        || encoded[0] != '{') {
      return Optional.empty();
    }
    String entry;
    try {
      // nested one level deeper than the value would be alone
      entry =
          ",\n  "
              + JSON.writeValueAsString(key)
              + " : "
              + JSON.writeValueAsString(value).replace("\n", "\n  ")
              + "\n}\n";
    } catch (IOException e) {
      throw new IllegalStateException("maps of plain values always encode", e);
    }
    byte[] tail = entry.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(encoded, keep + tail.length);
    System.arraycopy(tail, 0, out, keep, tail.length);
    return Optional.of(out);
  }

  /** The last status written for this root, or empty when the agent has not finished a pass. */
  public static Optional<JsonNode> read(RootFs root) {
    Path file = root.resolve(PATH);
    try {
      return Optional.of(JSON.readTree(root.read(PATH)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + AtomicFile.describe(e), e);
    }
  }
}
