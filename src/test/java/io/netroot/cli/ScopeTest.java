package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --host} and {@code --kind}: a pass over a part of the boot server, as -target does. */
class ScopeTest {

  static final String NODES =
      """
      ---
      apiVersion: netroot/v1
      kind: Host
      metadata: {name: node01}
      spec: {mac: "52:54:00:00:00:01", ip: 10.0.0.11, profile: nfs-centos55}
      ---
      apiVersion: netroot/v1
      kind: Host
      metadata: {name: node02}
      spec: {mac: "52:54:00:00:00:02", ip: 10.0.0.12, profile: nfs-centos55}
      """;

  static final String NODE01_PXE = "/var/lib/tftpboot/pxelinux.cfg/01-52-54-00-00-00-01";
  static final String NODE02_PXE = "/var/lib/tftpboot/pxelinux.cfg/01-52-54-00-00-00-02";
  static final String DEVBOARD_PXE = "/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD + NODES);
  }

  List<String> changedPaths(TestBootServer.Run run) throws Exception {
    List<String> paths = new ArrayList<>();
    for (JsonNode c : new ObjectMapper().readTree(run.out()).get("changes")) {
      paths.add(c.get("path").asText());
    }
    return paths;
  }

  @Test
  void aHostIsItsPxeFileTheDhcpConfigurationAndWhatTheyNeed() throws Exception {
    TestBootServer.Run plan = server.agent("plan", "--host", "node01");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains("scope: --host node01 and what it needs: ")
        .contains("+ create " + NODE01_PXE)
        .contains("/etc/dhcp/dhcpd.conf")
        .contains("/var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1")
        .contains("/var/lib/tftpboot/pxelinux.0")
        .doesNotContain(NODE02_PXE)
        .doesNotContain(DEVBOARD_PXE)
        .doesNotContain("/etc/exports");
    TestBootServer.Run jsonRun = server.agent("plan", "--host", "node01", "--json");
    JsonNode doc = new ObjectMapper().readTree(jsonRun.out());
    assertThat(doc.get("scope").asText()).isEqualTo("--host node01");
    assertThat(doc.get("changes").findValuesAsText("kind")).contains("dhcp", "tftp", "kernel");
    List<String> json = changedPaths(jsonRun);
    assertThat(json).contains(NODE01_PXE).doesNotContain(NODE02_PXE, "/etc/exports");
    List<String> glob = changedPaths(server.agent("plan", "--host", "node0*", "--json"));
    assertThat(glob).contains(NODE01_PXE, NODE02_PXE).doesNotContain(DEVBOARD_PXE);
  }

  @Test
  void applyOfOneHostLeavesTheOthersAndTheirStateAsTheyAre() throws Exception {
    TestBootServer.Run apply = server.agent("apply", "--host", "node01");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(server.file(NODE01_PXE)).exists();
    assertThat(server.file(NODE02_PXE)).doesNotExist();
    assertThat(server.file("/etc/exports")).doesNotExist();
    String state = Files.readString(server.file("/var/lib/netroot/state.json"));
    assertThat(state).contains(NODE01_PXE).doesNotContain(NODE02_PXE).doesNotContain("exports");

    List<String> rest = changedPaths(server.agent("plan", "--json"));
    assertThat(rest).contains(NODE02_PXE, DEVBOARD_PXE, "/etc/exports").doesNotContain(NODE01_PXE);
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void aKindIsThatPartAloneAndItsOrphansAreRemovedOnlyWithIt() throws Exception {
    List<String> dhcp = changedPaths(server.agent("plan", "--kind", "dhcp", "--json"));
    // the DHCP configuration and the boot files it names, not a host's own PXE file
    assertThat(dhcp)
        .contains("/etc/dhcp/dhcpd.conf", "/var/lib/tftpboot/pxelinux.0")
        .doesNotContain(NODE01_PXE, DEVBOARD_PXE, "/etc/exports");
    List<String> nfs = changedPaths(server.agent("plan", "--kind", "nfs", "--json"));
    assertThat(nfs).contains("/etc/exports").doesNotContain("/etc/dhcp/dhcpd.conf", NODE01_PXE);

    assertThat(server.agent("apply").exit()).isZero();
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD);
    // node01 and node02 left the specs: their PXE files go only with the tftp kind in scope
    assertThat(server.agent("apply", "--kind", "dhcp").exit()).isZero();
    assertThat(server.file(NODE01_PXE)).exists();
    assertThat(server.agent("apply", "--host", "devboard").exit()).isZero();
    assertThat(server.file(NODE01_PXE)).exists();
    TestBootServer.Run tftp = server.agent("apply", "--kind", "tftp");
    assertThat(tftp.out()).contains("- delete " + NODE01_PXE);
    assertThat(server.file(NODE01_PXE)).doesNotExist();
    assertThat(server.file(NODE02_PXE)).doesNotExist();
  }

  @Test
  void anUnknownKindOrHostIsAClearError() {
    TestBootServer.Run kind = server.agent("plan", "--kind", "dns");
    assertThat(kind.exit()).isEqualTo(1);
    assertThat(kind.err())
        .contains("no kind \"dns\": one of dhcp, tftp, nfs, image, kernel, service");
    TestBootServer.Run host = server.agent("plan", "--host", "nope*");
    assertThat(host.exit()).isEqualTo(1);
    assertThat(host.out() + host.err())
        .contains("--host nope*: no Host of the specs has such a name");
    assertThat(server.file("/var/lib/netroot")).doesNotExist();
  }
}
