package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent check} under a root prefix: what can be read there is checked, the rest skipped. */
class CheckCommandTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    Path etc = Files.createDirectories(server.file("/etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/sh\ntftp:x:9107:9112::/srv/tftp:/bin/false\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\ntftp:x:9112:\n");
  }

  @Test
  void pendingChangesFailAndAnAppliedServerPasses() throws Exception {
    TestBootServer.Run before = server.agent("check");
    assertThat(before.exit()).isEqualTo(1);
    assertThat(before.out())
        .contains("FAIL  specs: ")
        .contains(" pending\n      fix: agent plan shows them; agent apply makes them\n")
        .contains("skip  services: not checked under a root prefix")
        .contains("skip  dhcp interfaces: ")
        .contains("skip  exports: ");

    assertThat(server.agent("apply").exit()).isZero();
    TestBootServer.Run after = server.agent("check");
    assertThat(after.exit()).as(after.out()).isZero();
    assertThat(after.out())
        .contains("ok    specs: the boot server matches the specs")
        .containsPattern("ok    tftp files readable by tftp: \\d+ files")
        .containsPattern("\\n\\d+ checks: \\d+ ok, 0 failed, \\d+ skipped\\n");
  }

  @Test
  void aTftpFileTheTftpUserCannotReadIsNamed() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path pxe = server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23");
    Files.setPosixFilePermissions(pxe, PosixFilePermissions.fromString("rw-------"));
    TestBootServer.Run check = server.agent("check", "--json");
    assertThat(check.exit()).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(check.out());
    assertThat(doc.get("ok").asBoolean()).isFalse();
    JsonNode tftp = null;
    for (JsonNode c : doc.get("checks")) {
      if (c.get("subject").asText().startsWith("tftp files")) {
        tftp = c;
      }
    }
    assertThat(tftp).isNotNull();
    assertThat(tftp.get("status").asText()).isEqualTo("fail");
    assertThat(tftp.get("detail").asText())
        .contains("pxelinux.cfg/01-08-00-2b-4c-59-23 (no read permission)");
  }

  @Test
  void aMissingTftpUserIsAFailureWithItsFix() throws Exception {
    Files.writeString(server.file("/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.agent("check").out())
        .contains("FAIL  tftp files readable by tftp: no user tftp in /etc/passwd")
        .contains("fix: apt-get install tftpd-hpa");
  }
}
