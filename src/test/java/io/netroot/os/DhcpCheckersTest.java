package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kea and dnsmasq checkers run their program on a temporary copy of the candidate and speak of
 * it as the candidate: stand-in programs answer as the real ones do (the real ones are run by
 * KeaConfigCheckIT and DnsmasqConfigCheckIT).
 */
class DhcpCheckersTest {

  @TempDir Path dir;

  private Optional<Path> fake(String name, String script) throws Exception {
    Path program = dir.resolve(name);
    Files.writeString(program, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Optional.of(program);
  }

  @Test
  void keaRefusesWithItsVerdictAndTheCandidatesLine() throws Exception {
    KeaConfigChecker checker =
        new KeaConfigChecker(
            fake(
                "kea-dhcp4",
                "[ \"$1\" = -t ] || exit 9\n"
                    + "echo \"Syntax check failed with: $2:2.3-9: syntax error, unexpected pools\"\n"
                    + "exit 1\n"));
    ConfigChecker.Verdict verdict =
        checker.check("{\n  \"pools\": []\n}\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(verdict.refusal())
        .contains(
            "<candidate kea-dhcp4.conf>:2.3-9: syntax error, unexpected pools\n"
                + "  line 2: \"pools\": []");
    assertThat(checker.name()).isEqualTo("kea-dhcp4 -t");
  }

  @Test
  void keaAcceptsWithItsWarnings() throws Exception {
    KeaConfigChecker checker =
        new KeaConfigChecker(
            fake(
                "kea-dhcp4",
                "echo \"2026-11-30 04:36:43.358 WARN  [kea-dhcp4.dhcp4/1.2] DHCP4_X careful: $2\"\n"));
    assertThat(checker.check(new byte[0], "").warnings())
        .containsExactly("careful: <candidate kea-dhcp4.conf>");
  }

  @Test
  void dnsmasqReadsOnlyTheCandidateAndRefusesWithItsLine() throws Exception {
    DnsmasqConfigChecker checker =
        new DnsmasqConfigChecker(
            fake(
                "dnsmasq",
                "[ \"$1\" = --test ] || exit 9\n"
                    + "file=${2#--conf-file=}\n"
                    + "echo \"dnsmasq: bad dhcp-range at line 1 of $file\" >&2\n"
                    + "exit 1\n"));
    ConfigChecker.Verdict verdict =
        checker.check("dhcp-range=bogus\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(verdict.refusal())
        .contains(
            "bad dhcp-range at line 1 of <candidate dnsmasq drop-in>\n"
                + "  line 1: dhcp-range=bogus");
  }

  @Test
  void withoutTheProgramTheFileIsInstalledUnchecked() {
    assertThat(new KeaConfigChecker(Optional.empty()).available()).isFalse();
    assertThat(new DnsmasqConfigChecker(Optional.empty()).available()).isFalse();
  }
}
