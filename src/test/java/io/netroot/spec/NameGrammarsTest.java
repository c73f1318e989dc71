package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Service names, file names and DNS names: accept and reject tables. */
class NameGrammarsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cups",
        "nfs-server",
        "nfs-server.service",
        "tftp.socket",
        "getty@tty1.service",
        "microcode_ctl",
        "dbus-org.freedesktop.network1",
        "a:b"
      })
  void serviceNamesOfSystemdAreAccepted(String name) {
    assertThat(ServiceName.problem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../x",
        "..",
        "a..b",
        "x/y",
        "-x",
        "--root=/",
        "x; reboot",
        "x reboot",
        "x\nreboot",
        "$(reboot)",
        "x`id`",
        "systemd-fsck@dev-disk-by\\x2dlabel.service",
        ".hidden",
        "_x",
        "é"
      })
  void serviceNamesThatAreNotUnitNamesAreRefused(String name) {
    assertThat(ServiceName.problem(name)).isNotNull();
  }

  @Test
  void serviceNamesAreAtMost255Characters() {
    assertThat(ServiceName.problem("a".repeat(255))).isNull();
    assertThat(ServiceName.problem("a".repeat(256))).contains("longer than 255");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ldlinux.c32",
        "menu.c32",
        "vmlinuz",
        "vmlinuz-6.1.0-18-amd64",
        "initrd.img-6.1.0-18-amd64",
        "bzImage+debug",
        "Image_v2"
      })
  void plainFileNamesAreAccepted(String name) {
    assertThat(FileName.problem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "../../etc/shadow",
        "a/b",
        "a..b",
        ".hidden",
        "-x",
        "a b",
        "a\nLABEL x",
        "a\tb",
        "a;b",
        "a$b",
        "a:b",
        "é.c32"
      })
  void fileNamesThatAreNotOnePlainNameAreRefused(String name) {
    assertThat(FileName.problem(name)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab.example", "rack7.cluster", "example", "a-b.c0", "x.y.z.example.org"})
  void domainNamesAreAccepted(String name) {
    assertThat(DnsName.DOMAIN.problem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "lab.",
        ".lab",
        "a..b",
        "-lab.example",
        "lab-.example",
        "lab example",
        "lab.example\"; option x",
        "lab\nexample",
        "lab_example",
        "é.example"
      })
  void domainNamesOutsideRfc1123AreRefused(String name) {
    assertThat(DnsName.DOMAIN.problem(name)).isNotNull();
  }

  @Test
  void domainLabelsAreAtMost63AndNamesAtMost253Characters() {
    assertThat(DnsName.valid("a".repeat(63) + ".example")).isTrue();
    assertThat(DnsName.valid("a".repeat(64) + ".example")).isFalse();
    assertThat(DnsName.valid(("a".repeat(50) + ".").repeat(5) + "abc")).isFalse();
  }
}
