package io.netroot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in {@code systemctl} (and {@code exportfs}) first on the PATH of {@code bin/agent ...
 * --services systemd}, whose units are the daemons the test started in the lab: systemd is not PID
 * 1 where the tests run. Every unit is enabled and running until the agent disables it; {@code
 * systemctl kill --kill-who=main --signal=SIG UNIT}, netroot's reload, sends the signal to the PID
 * the test gave the unit ({@link #mainPid}), as systemd sends it to the unit's main process. Every
 * call is recorded.
 */
final class FakeSystemctl {

  private final Path bin;
  private final Path units;

  FakeSystemctl(Path dir) throws IOException {
    this.bin = Files.createDirectories(dir.resolve("fakebin"));
    this.units = Files.createDirectories(dir.resolve("units"));
    script(
        "systemctl",
        """
        #!/bin/sh
        u="%1$s"
        echo "systemctl $*" >> "$u/calls.log"
        case "$1" in
          is-enabled) s=$(cat "$u/$2.enabled" 2>/dev/null || echo enabled); echo "$s"; [ "$s" = enabled ];;
          is-active) s=$(cat "$u/$2.active" 2>/dev/null || echo active); echo "$s"; [ "$s" = active ];;
          enable) echo enabled > "$u/$3.enabled"; echo active > "$u/$3.active";;
          disable) echo disabled > "$u/$3.enabled"; echo inactive > "$u/$3.active";;
          kill)
            for a in "$@"; do
              case "$a" in --signal=*) sig=${a#--signal=};; -*|kill) ;; *) unit=$a;; esac
            done
            [ -s "$u/$unit.mainpid" ] || { echo "$unit has no main process" >&2; exit 1; }
            kill -s "${sig#SIG}" "$(cat "$u/$unit.mainpid")";;
        esac
        """
            .formatted(units));
    script("exportfs", "#!/bin/sh\necho \"exportfs $*\" >> \"%s/calls.log\"\n".formatted(units));
  }

  private void script(String name, String text) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** {@code service}'s main process is {@code process}. */
  void mainPid(String service, Process process) throws IOException {
    Files.writeString(units.resolve(service + ".mainpid"), process.pid() + "\n");
  }

  /**
   * The calls since the last time, but the state queries ({@code is-enabled}, {@code is-active}).
   */
  List<String> calls() throws IOException {
    Path log = units.resolve("calls.log");
    List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return new ArrayList<>(calls.stream().filter(c -> !c.contains(" is-")).toList());
  }

  /**
   * Runs {@code bin/agent COMMAND ARGS --specs … --root … --services systemd} on {@code server},
   * with this stand-in first on PATH.
   */
  NetworkLab.Result agent(E2eBootServer server, String command, String... args) {
    Require.agentJar();
    List<String> all =
        new ArrayList<>(
            List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"), "bin/agent", command));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--specs",
            server.specs.toString(),
            "--root",
            server.root.toString(),
            "--services",
            "systemd"));
    return NetworkLab.run(all, Duration.ofMinutes(2), false);
  }
}
