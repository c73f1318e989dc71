package io.netroot.os;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks netroot's candidate dnsmasq drop-in alone with dnsmasq's own parser: {@code dnsmasq --test
 * --conf-file=FILE}. A {@code --conf-file} keeps dnsmasq from reading {@code /etc/dnsmasq.conf}
 * (dnsmasq(8)), so the admin's file, and the directories it names, are not part of the check.
 */
public final class DnsmasqConfigChecker implements ConfigChecker {

  private final Optional<Path> dnsmasq;
  private final CommandRunner runner = new CommandRunner(60);

  public DnsmasqConfigChecker() {
    this(CommandRunner.find("dnsmasq"));
  }

  DnsmasqConfigChecker(Optional<Path> dnsmasq) {
    this.dnsmasq = dnsmasq;
  }

  @Override
  public String name() {
    return "dnsmasq --test --conf-file";
  }

  @Override
  public boolean available() {
    return dnsmasq.isPresent();
  }

  @Override
  public Verdict check(byte[] candidate, String ownPart) {
    Path program = dnsmasq.orElseThrow(() -> new NetrootException("dnsmasq is not installed"));
    try (CandidateFile file = new CandidateFile(candidate, ".conf", "the dnsmasq drop-in")) {
      CommandRunner.Result result =
          runner.run(
              List.of(program.toString(), "--test", "--conf-file=" + file.path().toString()));
      String text = new String(candidate, StandardCharsets.UTF_8);
      String shownAs = "<candidate dnsmasq drop-in>";
      List<String> said =
          DnsmasqCheckOutput.messages(result.output(), file.path().toString(), shownAs, text);
      if (!result.ok()) {
        return Verdict.refused(
            said.isEmpty()
                ? "dnsmasq printed no reason (exit code " + result.exitCode() + ")"
                : String.join("\n", said));
      }
      return Verdict.accepted(said);
    }
  }
}
