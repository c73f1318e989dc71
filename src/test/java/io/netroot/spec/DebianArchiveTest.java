package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebianArchiveTest {

  @ParameterizedTest
  @ValueSource(strings = {"bookworm", "bookworm-backports", "sid", "noble", "jammy-updates", "12"})
  void suitesOfDebianAndUbuntuAreAccepted(String suite) {
    assertThat(DebianArchive.suiteProblem(suite)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-v",
        "--variant=apt",
        "Bookworm",
        "bookworm updates",
        "bookworm/updates",
        "book\"worm",
        "bookworm;reboot",
        "bookworm\n",
        "bookworm_x",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void suitesThatCouldBeOptionsOrBreakARecipeAreRefused(String suite) {
    assertThat(DebianArchive.suiteProblem(suite)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nfs-common", "linux-image-amd64", "libstdc++6", "g++", "python3.11", "0ad", "xz"})
  void packageNamesOfDebianPolicyAreAccepted(String name) {
    assertThat(DebianArchive.packageProblem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "-y",
        "--allow-unauthenticated",
        ".hidden",
        "+plus",
        "Nfs-Common",
        "nfs_common",
        "nfs common",
        "nfs-common=1:2.6.2-4",
        "nfs-common/bookworm-backports",
        "nfs-common:amd64",
        "nfs-common;reboot",
        "nfs-common\n"
      })
  void packageNamesOutsidePolicyVersionsAndOptionsAreRefused(String name) {
    assertThat(DebianArchive.packageProblem(name)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://deb.debian.org/debian",
        "https://deb.debian.org/debian/",
        "http://archive.ubuntu.com/ubuntu",
        "http://mirror.lab:3142/debian",
        "http://[fd00::1]/debian",
        "http://10.0.0.1/debian",
        "file:///srv/mirror/debian",
        "https://mirror.example.org/debian%2Bsecurity"
      })
  void webAndLocalMirrorsAreAccepted(String mirror) {
    assertThat(DebianArchive.mirrorProblem(mirror)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "deb.debian.org/debian",
        "/srv/mirror",
        "ftp://ftp.debian.org/debian",
        "HTTP://deb.debian.org/debian",
        "file://srv/mirror",
        "file:/srv/mirror",
        "http://",
        "http://-oProxyCommand=x/debian",
        "http://user@deb.debian.org/debian",
        "http://deb.debian.org/debian bookworm main",
        "http://deb.debian.org/debian;reboot",
        "http://deb.debian.org/$(id)",
        "http://deb.debian.org/`id`",
        "http://deb.debian.org/'x'",
        "http://deb.debian.org/\"x\"",
        "http://deb.debian.org/a\\b",
        "http://deb.debian.org/#x",
        "http://deb.debian.org/debian\n",
        "http://deb.debian.org/debi\u00e4n"
      })
  void mirrorsOfOtherSchemesOrWithShellOrControlCharactersAreRefused(String mirror) {
    assertThat(DebianArchive.mirrorProblem(mirror)).isNotNull();
  }
}
