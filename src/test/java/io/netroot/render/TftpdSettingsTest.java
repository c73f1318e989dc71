package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.BootServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TFTP root in tftpd-hpa's default file and in the tftp.service drop-in. */
class TftpdSettingsTest {

  private static final String SECOND_SETTING = "/srv/tftp\"\nTFTP_OPTIONS=\"--create --permissive";

  @Test
  void aPlainRootIsWrittenAsBefore() {
    assertThat(TftpdSettings.shellValue(server("/srv/tftp"), "/srv/tftp"))
        .isEqualTo("\"/srv/tftp\"");
    assertThat(TftpdSettings.systemdWord(server("/var/lib/tftpboot"), "/var/lib/tftpboot"))
        .isEqualTo("/var/lib/tftpboot");
  }

  @Test
  void aRootThatAddsASecondSettingIsRefusedForBothFiles() {
    BootServer server =
        new BootServer(
            "bootsrv",
            RenderFixtures.ip("10.0.0.1"),
            null,
            SECOND_SETTING,
            null,
            null,
            null,
            null,
            null,
            HostileSpecs.originWith("server.yaml", "spec.tftpRoot", 6, 13));

    assertThatThrownBy(() -> TftpdSettings.shellValue(server, SECOND_SETTING))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith(
            "server.yaml:6:13: BootServer \"bootsrv\": spec.tftpRoot"
                + " \"/srv/tftp\\\"\\nTFTP_OPTIONS=\\\"--create --permissive\" cannot be"
                + " written into /etc/default/tftpd-hpa: a line break (U+000A)");
    assertThatThrownBy(() -> TftpdSettings.systemdWord(server, SECOND_SETTING))
        .hasMessageContaining("would end the ExecStart= line");
  }

  @Test
  void commandSubstitutionStaysTextForTheShellAndForSystemd() {
    assertThat(TftpdSettings.shellValue(server("x"), "/srv/$(reboot)"))
        .isEqualTo("\"/srv/\\$(reboot)\"");
    assertThat(TftpdSettings.shellValue(server("x"), "/srv/`reboot`"))
        .isEqualTo("\"/srv/\\`reboot\\`\"");
    assertThat(TftpdSettings.systemdWord(server("x"), "/srv/$(reboot)"))
        .isEqualTo("\"/srv/$$(reboot)\"");
  }

  @Test
  void specifiersAreDoubledForSystemdAndLeftToTheShell() {
    assertThat(TftpdSettings.systemdWord(server("x"), "/srv/%h")).isEqualTo("/srv/%%h");
    assertThat(TftpdSettings.shellValue(server("x"), "/srv/%h")).isEqualTo("\"/srv/%h\"");
  }

  @Test
  void quotesAndBackslashesAreEscapedInsideDoubleQuotes() {
    assertThat(TftpdSettings.shellValue(server("x"), "/srv/a\"b\\c'd"))
        .isEqualTo("\"/srv/a\\\"b\\\\c'd\"");
    assertThat(TftpdSettings.systemdWord(server("x"), "/srv/a\"b\\c'd e;f"))
        .isEqualTo("\"/srv/a\\\"b\\\\c'd e;f\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/srv/my tftp", "/srv/*", "/srv/t?", "/srv/[ab]", "/srv/a#b", "/srv/a;b"})
  void whatTheInitScriptWouldSplitOrExpandIsRefusedForTheShell(String root) {
    assertThatThrownBy(() -> TftpdSettings.shellValue(server(root), root))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("/etc/default/tftpd-hpa");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--create", "srv/tftp", "", "-s"})
  void aRootThatIsNotAbsoluteIsRefusedAsAnOption(String root) {
    assertThatThrownBy(() -> TftpdSettings.shellValue(server(root), root))
        .hasMessageContaining("does not start with '/'");
    assertThatThrownBy(() -> TftpdSettings.systemdWord(server(root), root))
        .hasMessageContaining("does not start with '/'");
  }

  private static BootServer server(String root) {
    return HostileSpecs.server("netroot", "local", root);
  }
}
