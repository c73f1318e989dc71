package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON names, for each change, drift and failure, the host the resource belongs to and the spec
 * {@code FILE:LINE} that produced it.
 */
class ProvenanceJsonTest {

  private static final String DEVBOARD_PXE = "/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    // a comment first, so the host's document does not start on line 1
    server.writeSpec(
        "hosts.yaml",
        "# the lab's hosts\n"
            + TestBootServer.DEVBOARD
            + "---\napiVersion: netroot/v1\nkind: Host\nmetadata: {name: node7}\n"
            + "spec: {mac: '52:54:00:00:00:07', ip: 10.0.0.17, profile: nfs-centos55}\n");
  }

  @Test
  void aChangeNamesItsHostAndTheSpecLineThatProducedIt() throws Exception {
    JsonNode changes = plan().get("changes");
    JsonNode devboard = change(changes, DEVBOARD_PXE);
    assertThat(devboard.get("host").asText()).isEqualTo("devboard");
    assertThat(devboard.get("origin").asText()).isEqualTo(spec("hosts.yaml") + ":2");
    JsonNode node7 = change(changes, "/var/lib/tftpboot/pxelinux.cfg/01-52-54-00-00-00-07");
    assertThat(node7.get("host").asText()).isEqualTo("node7");
    assertThat(node7.get("origin").asText()).isEqualTo(spec("hosts.yaml") + ":10");

    // a kernel file: the line that names the image; no host
    JsonNode kernel = change(changes, "/var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1");
    assertThat(kernel.get("host").isNull()).isTrue();
    assertThat(kernel.get("origin").asText())
        .isEqualTo(spec("boot.yaml") + ":" + lineOf("boot.yaml", "image: kernels/vmlinuz-nfs1"));
    // a file every host goes into: the BootServer's section that places it
    JsonNode dhcp = change(changes, "/etc/dhcp/dhcpd.conf");
    assertThat(dhcp.get("host").isNull()).isTrue();
    assertThat(dhcp.get("origin").asText())
        .isEqualTo(spec("boot.yaml") + ":" + lineOf("boot.yaml", "dhcp: {config:"));
    assertThat(change(changes, "/etc/exports").get("origin").asText())
        .isEqualTo(spec("boot.yaml") + ":" + lineOf("boot.yaml", "nfs: {exportsFile:"));
    // every change of a first plan comes from some spec
    for (JsonNode c : changes) {
      assertThat(c.get("origin").asText()).as(c.get("path").asText()).startsWith(spec(""));
    }
  }

  @Test
  void aHandEditNamesItsHostAndARemovedHostsFileHasNoSpec() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Files.writeString(server.file(DEVBOARD_PXE), "edited by hand\n");
    JsonNode drift = new ObjectMapper().readTree(server.agent("drift", "--json").out());
    JsonNode edit = drift.get("drift").get(0);
    assertThat(edit.get("path").asText()).isEqualTo(DEVBOARD_PXE);
    assertThat(edit.get("host").asText()).isEqualTo("devboard");
    assertThat(edit.get("origin").asText()).isEqualTo(spec("hosts.yaml") + ":2");

    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD);
    JsonNode removed =
        change(plan().get("changes"), "/var/lib/tftpboot/pxelinux.cfg/01-52-54-00-00-00-07");
    assertThat(removed.get("action").asText()).isEqualTo("delete");
    assertThat(removed.get("host").isNull()).isTrue();
    assertThat(removed.get("origin").isNull()).isTrue();
  }

  private JsonNode plan() throws Exception {
    TestBootServer.Run run = server.agent("plan", "--json");
    assertThat(run.exit()).as(run.err()).isIn(0, 2);
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode change(JsonNode changes, String path) {
    for (JsonNode c : changes) {
      if (c.get("path").asText().equals(path)) {
        return c;
      }
    }
    throw new AssertionError("no change of " + path + " in " + changes);
  }

  private String spec(String name) {
    return server.specs.resolve(name).toString().replaceFirst("/$", "")
        + (name.isEmpty() ? "/" : "");
  }

  private int lineOf(String file, String text) throws Exception {
    var lines = Files.readAllLines(server.specs.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
