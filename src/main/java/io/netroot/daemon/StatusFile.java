package io.netroot.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

  static void write(RootFs root, Map<String, Object> status) {
    root.directory("/var/lib/netroot", "/var/lib/netroot");
    root.writingTo(null).writeFile(PATH, encode(status).getBytes(), FileModes.parse("0644"));
  }

  static String encode(Map<String, Object> status) {
    try {
      return JSON.writeValueAsString(status) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of plain values always encode", e);
    }
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
