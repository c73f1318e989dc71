package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/srv/tftp",
        "/var/lib/tftpboot",
        "/etc/dhcp/dhcpd.conf",
        "/etc/exports.d/netroot.exports",
        "/srv/nfsroot/bookworm-12.5_amd64",
        "/srv/a+b/c@d/e:f/g=h,i",
        "/srv/.hidden",
        "/srv/a..b"
      })
  void wellFormedAbsolutePathsAreAccepted(String path) {
    assertThat(ServerPath.problem(path)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|is empty",
        "srv/root|must be an absolute path",
        "./srv|must be an absolute path",
        "//etc|contains //",
        "/srv//root|contains //",
        "/srv/root/|ends with /",
        "/srv/./root|contains a \".\" segment",
        "/srv/../etc|contains a \"..\" segment",
        "/srv/root/..|contains a \"..\" segment",
        "/srv/a b|contains a space",
        "/srv/$(reboot)|contains '$'",
        "/srv/`id`|contains '`'",
        "/srv/a;b|contains ';'",
        "/srv/a#b|contains '#'",
        "/srv/a*|contains '*'",
        "/srv/a?|contains '?'",
        "/srv/[a]|contains '['",
        "/srv/(a)|contains '('",
        "/srv/a\"b|contains '\"'",
        "/srv/a'b|contains '''",
        "/srv/a\\b|contains '\\'",
        "/srv/é|contains U+00E9",
      })
  void malformedPathsAreRefusedWithTheReason(String path, String reason) {
    assertThat(ServerPath.problem(path)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\t", "\u0000", "\u007f", "\u0085", "\u2028", "\u2029"})
  void controlCharactersAreRefused(String control) {
    assertThat(ServerPath.problem("/srv/a" + control + "b")).startsWith("contains ");
  }

  @Test
  void overlongPathsAndNamesAreRefused() {
    assertThat(ServerPath.problem("/" + "a".repeat(256))).contains("longer than 255");
    assertThat(ServerPath.problem(("/" + "a".repeat(200)).repeat(21))).contains("longer than 4095");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/etc", "/usr", "/var", "/boot", "/dev", "/proc", "/sys"})
  void systemDirectoriesCannotBeRootImagesExportsOrTheTftpRoot(String path) {
    assertThat(ServerPath.ROOT_IMAGE.problem(path)).contains("must be a directory of its own");
    assertThat(ServerPath.ownDirectory("an export").problem(path))
        .contains("an export must be a directory of its own");
    assertThat(ServerPath.ANY.problem(path)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/nfsroot", "/srv", "/var/lib/tftpboot", "/usr/local/nfsroot"})
  void directoriesBelowSystemDirectoriesAreTheirOwn(String path) {
    assertThat(ServerPath.ownDirectory("the TFTP root").problem(path)).isNull();
    assertThat(ServerPath.ROOT_IMAGE.problem(path)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/srv/root,vers=2", "/srv/root:tcp"})
  void rootImagePathsHoldNoNfsrootSeparators(String path) {
    assertThat(ServerPath.ROOT_IMAGE.problem(path)).contains("would start the mount options");
    assertThat(ServerPath.ownDirectory("an export").problem(path)).isNull();
  }
}
