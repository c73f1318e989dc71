package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsCommandTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD + ScopeTest.NODES);
  }

  @Test
  void aTableOfTheHostsAndWhenTheirFilesWereWritten() {
    TestBootServer.Run before = server.agent("hosts");
    assertThat(before.exit()).isZero();
    assertThat(before.out())
        .startsWith("NAME      MAC                IP          PROFILE       KERNEL      FIRMWARE")
        .containsPattern(
            "\\ndevboard  08:00:2b:4c:59:23  10\\.0\\.0\\.222  nfs-centos55  linux-nfs1  auto"
                + "  +not written\\n")
        .contains("\nnode02    52:54:00:00:00:02  10.0.0.12 ")
        .endsWith("3 hosts\n");
    assertThat(server.agent("apply", "--host", "node01").exit()).isZero();
    String after = server.agent("hosts", "--host", "node0*").out();
    assertThat(after)
        .containsPattern("\\nnode01 .* \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\n")
        .containsPattern("\\nnode02 .* not written\\n")
        .doesNotContain("devboard")
        .endsWith("2 hosts\n");
  }

  @Test
  void jsonHasTheBootFiles() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(server.agent("hosts", "--json").out());
    JsonNode devboard = doc.get("hosts").get(0);
    assertThat(devboard.get("name").asText()).isEqualTo("devboard");
    assertThat(devboard.get("network").asText()).isEqualTo("lab");
    assertThat(devboard.get("pxe_files").toString())
        .contains("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")
        .contains("/var/lib/tftpboot/efi64/pxelinux.cfg/01-08-00-2b-4c-59-23");
    assertThat(devboard.get("kernel_file").asText())
        .isEqualTo("/var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1");
    assertThat(devboard.get("changed").isNull()).isTrue();
  }
}
