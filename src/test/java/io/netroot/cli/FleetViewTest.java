package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first plan of a fleet on a terminal: a summary per kind, then changes of one shape folded. */
class FleetViewTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    StringBuilder hosts = new StringBuilder(TestBootServer.DEVBOARD);
    for (int i = 1; i <= 40; i++) {
      hosts.append(
          """
          ---
          apiVersion: netroot/v1
          kind: Host
          metadata: {name: node%02d}
          spec: {mac: "52:54:00:00:01:%02x", ip: 10.0.0.%d, profile: nfs-centos55}
          """
              .formatted(i, i, 10 + i));
    }
    server.writeSpec("hosts.yaml", hosts.toString());
  }

  @Test
  void aFleetPlanStartsWithTheKindsAndFoldsTheHostsAfterTheFirstFew() {
    TestBootServer.Run plan = server.agent("plan", "--fold");
    assertThat(plan.exit()).isZero();
    String out = plan.out();
    assertThat(out)
        .contains("By kind:\n")
        .contains("  dhcp:    1 to create\n")
        .contains("  tftp:    95 to create\n")
        .contains("  kernel:  1 to create")
        .contains(
            "  … 38 more: create PXE config of host * in /var/lib/tftpboot/pxelinux.cfg/"
                + " (--full lists them)")
        .contains(
            "… the diffs of 38 more: create PXE config of host * in"
                + " /var/lib/tftpboot/pxelinux.cfg/ (--full shows them)");
    assertThat(out)
        .contains("pxelinux.cfg/01-52-54-00-00-01-01")
        .doesNotContain("01-52-54-00-00-01-28");
    // the summary at the end still counts every change
    assertThat(out).contains("Plan: 99 to create");
    assertThat(out.lines().count())
        .isLessThan(server.agent("plan", "--full").out().lines().count() / 3);
  }

  @Test
  void fullJsonAndPipedOutputShowEverything() {
    String piped = server.agent("plan").out();
    assertThat(piped).doesNotContain("By kind:").doesNotContain("(--full lists them)");
    assertThat(piped).contains("01-52-54-00-00-01-28");
    String full = server.agent("plan", "--fold", "--full").out();
    assertThat(full).doesNotContain("(--full lists them)").contains("01-52-54-00-00-01-28");
    assertThat(server.agent("plan", "--fold", "--json").out()).contains("01-52-54-00-00-01-28");
  }
}
