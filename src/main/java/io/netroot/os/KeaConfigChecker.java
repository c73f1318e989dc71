package io.netroot.os;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a candidate {@code kea-dhcp4.conf} with Kea's own parser and configuration checks: {@code
 * kea-dhcp4 -t FILE}, which reads the whole file (the admin's members and netroot's block, and what
 * it includes) and starts no server. Kea's check also looks for the interfaces the file names on
 * this machine.
 */
public final class KeaConfigChecker implements ConfigChecker {

  private final Optional<Path> kea;
  private final CommandRunner runner = new CommandRunner(60);

  public KeaConfigChecker() {
    this(CommandRunner.find("kea-dhcp4"));
  }

  KeaConfigChecker(Optional<Path> kea) {
    this.kea = kea;
  }

  @Override
  public String name() {
    return "kea-dhcp4 -t";
  }

  @Override
  public boolean available() {
    return kea.isPresent();
  }

  @Override
  public Verdict check(byte[] candidate, String ownPart) {
    Path program = kea.orElseThrow(() -> new NetrootException("kea-dhcp4 is not installed"));
    try (CandidateFile file = new CandidateFile(candidate, ".conf", "kea-dhcp4.conf")) {
      // Without its logger's lock file: the check needs none, and /run may be read-only to the
      // agent's service, where Kea would print that it cannot make one.
      CommandRunner.Result result =
          runner.run(
              List.of(program.toString(), "-t", file.path().toString()),
              Map.of("KEA_LOCKFILE_DIR", "none"));
      String text = new String(candidate, StandardCharsets.UTF_8);
      String shownAs = "<candidate kea-dhcp4.conf>";
      if (!result.ok()) {
        return Verdict.refused(
            KeaCheckOutput.summarize(
                result.output(), file.path().toString(), shownAs, text, result.exitCode()));
      }
      return Verdict.accepted(
          KeaCheckOutput.warnings(result.output(), file.path().toString(), shownAs));
    }
  }
}
