package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFileValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc/motd",
        "/etc/systemd/system/getty@tty1.service.d/override.conf",
        "/root/.ssh/authorized_keys",
        "/opt/My App/notes.txt",
        "/etc/naïve.conf"
      })
  void absoluteNormalisedPathsAreAccepted(String path) {
    assertThat(ImageFileValues.pathProblem(path)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "etc/motd",
        "/",
        "/etc/",
        "//etc/motd",
        "/etc//motd",
        "/etc/../../motd",
        "/./etc/motd",
        "/etc/..",
        "/etc/mo\ntd",
        "/etc/mo\u0000td",
        "/etc/mo\u202etd"
      })
  void pathsThatLeaveTheImageNameADirectoryOrHoldControlsAreRefused(String path) {
    assertThat(ImageFileValues.pathProblem(path)).isNotNull();
  }

  @Test
  void aPathIsAtMostPathMaxAndEachNameAtMostNameMax() {
    assertThat(ImageFileValues.pathProblem("/" + "a".repeat(255))).isNull();
    assertThat(ImageFileValues.pathProblem("/" + "a".repeat(256))).contains("longer than 255");
    String deep = ("/" + "a".repeat(200)).repeat(21);
    assertThat(ImageFileValues.pathProblem(deep.substring(0, 4095))).isNull();
    assertThat(ImageFileValues.pathProblem(deep.substring(0, 4096))).contains("4095");
  }

  @ParameterizedTest
  @CsvSource({"644, 420", "0644, 420", "0755, 493", "600, 384", "0000, 0", "777, 511"})
  void modesAreOctal(String text, int mode) {
    assertThat(ImageFileValues.modeProblem(text)).isNull();
    assertThat(ImageFileValues.mode(text)).isEqualTo(mode);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "64", "4755", "2755", "1777", "7777", "07777", "0o644", "0x1a4", "u+rw", "888"
      })
  void modesBeyond0777OrNotOctalAreRefused(String text) {
    assertThat(ImageFileValues.modeProblem(text)).isNotNull();
  }
}
