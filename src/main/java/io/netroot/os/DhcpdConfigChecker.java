package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Checks a candidate dhcpd.conf with ISC dhcpd's own parser: {@code dhcpd -t -cf FILE}. */
public final class DhcpdConfigChecker implements ConfigChecker {

  private final Optional<Path> dhcpd;
  private final CommandRunner runner = new CommandRunner(60);

  public DhcpdConfigChecker() {
    this(CommandRunner.find("dhcpd"));
  }

  DhcpdConfigChecker(Optional<Path> dhcpd) {
    this.dhcpd = dhcpd;
  }

  @Override
  public String name() {
    return "dhcpd -t -cf";
  }

  @Override
  public boolean available() {
    return dhcpd.isPresent();
  }

  /**
   * {@inheritDoc} A warning that a subnet overlaps one of the subnets of {@code ownPart} is a
   * refusal: a declaration outside netroot's block clashes with the specs' network, and dhcpd would
   * serve one of the two.
   */
  @Override
  public Verdict check(byte[] candidate, String ownPart) {
    Path program = dhcpd.orElseThrow(() -> new NetrootException("dhcpd is not installed"));
    Path temp = null;
    try {
      temp = Files.createTempFile("netroot-dhcpd", ".conf");
      Files.write(temp, candidate);
      // Not -q: it silences the reasons too. -4 because the block is DHCPv4.
      CommandRunner.Result result =
          runner.run(List.of(program.toString(), "-4", "-t", "-cf", temp.toString()));
      if (!result.ok()) {
        return Verdict.refused(
            DhcpdCheckOutput.summarize(
                result.output(), temp.toString(), "<candidate dhcpd.conf>", result.exitCode()));
      }
      List<String> warnings = DhcpdCheckOutput.warnings(result.output());
      Optional<String> clash = DhcpdCheckOutput.overlapWithOwn(warnings, ownPart);
      return clash.isPresent() ? Verdict.refused(clash.get()) : Verdict.accepted(warnings);
    } catch (IOException e) {
      throw new NetrootException("cannot check dhcpd.conf: " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a stray file in the temp directory is harmless
        }
      }
    }
  }
}
