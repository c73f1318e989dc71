package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd is not PID 1 where tests run: stand-in programs record what the backend asks for. */
class SystemdBackendTest {

  @TempDir Path dir;

  private Path fake(String name, int exit) throws Exception {
    Path program = dir.resolve(name);
    Files.writeString(
        program,
        "#!/bin/sh\necho \""
            + name
            + " $*\" >> "
            + dir.resolve("calls.log")
            + "\necho 'it said no' >&2\nexit "
            + exit
            + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return program;
  }

  @Test
  void restartAndReexportRunTheRightCommands() throws Exception {
    SystemdBackend backend =
        new SystemdBackend(
            new CommandRunner(10), fake("systemctl", 0).toString(), fake("exportfs", 0).toString());
    backend.restart("isc-dhcp-server");
    backend.reexport();
    assertThat(dir.resolve("calls.log"))
        .hasContent("systemctl restart isc-dhcp-server\nexportfs -ra");
    assertThat(backend.touchesServices()).isTrue();
  }

  @Test
  void aReloadIsSighupToTheMainProcessAndAReplacedDaemonIsStoppedAndDisabled() throws Exception {
    SystemdBackend backend =
        new SystemdBackend(
            new CommandRunner(10), fake("systemctl", 0).toString(), fake("exportfs", 0).toString());
    backend.reload("kea-dhcp4-server");
    backend.disableNow("isc-dhcp-server");
    backend.enableNow("kea-dhcp4-server");
    assertThat(dir.resolve("calls.log"))
        .hasContent(
            "systemctl kill --kill-who=main --signal=SIGHUP kea-dhcp4-server\n"
                + "systemctl disable --now isc-dhcp-server\n"
                + "systemctl enable --now kea-dhcp4-server");
  }

  @Test
  void underARootPrefixAReloadIsNothingAndAStopIsRefused() {
    ServiceBackend none = ServiceBackend.forRoot(new RootFs(dir));
    none.reload("kea-dhcp4-server");
    assertThatThrownBy(() -> none.disableNow("isc-dhcp-server"))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("not touched under a root prefix");
  }

  @Test
  void aFailedRestartSaysWhatFailedAndWhatTheProgramPrinted() throws Exception {
    SystemdBackend backend =
        new SystemdBackend(
            new CommandRunner(10), fake("systemctl", 5).toString(), fake("exportfs", 0).toString());
    assertThatThrownBy(() -> backend.restart("dhcpd"))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("systemctl restart dhcpd failed (exit 5): it said no");
  }

  @Test
  void underARootPrefixNoServiceIsTouched() {
    assertThat(ServiceBackend.forRoot(new RootFs(dir)).touchesServices()).isFalse();
    assertThat(ServiceBackend.forRoot(RootFs.system())).isInstanceOf(SystemdBackend.class);
  }
}
