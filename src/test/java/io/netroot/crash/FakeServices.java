package io.netroot.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for {@code systemctl} and {@code exportfs} first on the daemon's PATH, since systemd is
 * not PID 1 where the harness runs: every unit is installed, enabled and running, and every call
 * that changes something is recorded, so a trial can tell which restarts a killed pass owed and
 * whether the restarted daemon ran them.
 */
final class FakeServices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path bin;
  private final Path units;
  private final Path log;

  FakeServices(Path dir) {
    this.bin = dir.resolve("bin");
    this.units = dir.resolve("units");
    this.log = units.resolve("calls.log");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(units);
      script(
          "systemctl",
          """
          #!/bin/sh
          case "$1" in
            is-enabled) echo enabled ;;
            is-active) echo active ;;
            *) echo "systemctl $*" >> "%s" ;;
          esac
          """
              .formatted(log));
      script("exportfs", "#!/bin/sh\necho \"exportfs $*\" >> \"%s\"\n".formatted(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment that puts the stand-ins first on PATH. */
  Map<String, String> environment() {
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  /** The calls recorded since the last time, in order; the record starts again empty. */
  List<String> takeCalls() {
    try {
      List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
      Files.deleteIfExists(log);
      return calls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The calls that the pending-service journal {@code journal} owes, as the stand-ins record them;
   * empty when there is no journal.
   */
  static List<String> owed(Path journal) {
    List<String> owed = new ArrayList<>();
    if (!Files.exists(journal)) {
      return owed;
    }
    try {
      for (JsonNode entry : JSON.readTree(Files.readString(journal)).path("pending")) {
        String service = entry.path("service").asText();
        owed.add(
            switch (entry.path("kind").asText()) {
              case "RESTART" -> "systemctl restart " + service;
              case "REEXPORT" -> "exportfs -ra";
              case "DAEMON_RELOAD" -> "systemctl daemon-reload";
              default -> "unknown action " + entry;
            });
      }
      return owed;
    } catch (IOException e) {
      throw new UncheckedIOException("the pending-service journal " + journal, e);
    }
  }

  private void script(String name, String text) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
