package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.diff.UnifiedDiff;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One long diff folded on a terminal: a run of same-shaped blocks shows its first few, then how
 * many more there are; what differs in shape, the hunk headers and short runs are kept.
 */
class DiffFoldTest {

  private static String hosts(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append(
          """
            host node%05d {
              hardware ethernet 02:01:00:00:%02x:%02x;
              fixed-address 10.13.%d.%d;
              option host-name "node%05d";
            }

          """
              .formatted(i, i / 256, i % 256, i / 250, i % 250 + 1, i));
    }
    return text.toString();
  }

  @Test
  void aThousandAddedHostBlocksShowTheFirstThreeThenACount() {
    String after = "subnet 10.13.0.0 netmask 255.255.0.0 {\n" + hosts(1, 1000) + "}\n";
    String diff = UnifiedDiff.between("/etc/dhcp/dhcpd.conf", "on disk", "", "planned", after);
    String folded = DiffFold.fold(diff);
    assertThat(folded)
        .startsWith("--- /etc/dhcp/dhcpd.conf (on disk)\n+++ /etc/dhcp/dhcpd.conf (planned)\n@@ ")
        .contains("+subnet 10.13.0.0 netmask 255.255.0.0 {\n")
        .contains("+  host node00001 {\n", "+  host node00002 {\n", "+  host node00003 {\n")
        .doesNotContain("node00004")
        .doesNotContain("node00999")
        .contains("… 997 more host blocks added (--full shows them)\n")
        .endsWith("+}\n");
    assertThat(folded.lines().count()).isLessThan(30);
    assertThat(diff.lines().count()).isGreaterThan(6000);
  }

  @Test
  void hostsAddedToAFileThatIsThereAreFoldedInsideTheirHunk() {
    String before = "subnet 10.13.0.0 netmask 255.255.0.0 {\n" + hosts(1, 2) + "}\n";
    String after = "subnet 10.13.0.0 netmask 255.255.0.0 {\n" + hosts(1, 52) + "}\n";
    String folded =
        DiffFold.fold(UnifiedDiff.between("dhcpd.conf", "on disk", before, "planned", after));
    assertThat(folded)
        .contains("+  host node00003 {\n", "+  host node00005 {\n")
        .doesNotContain("node00006")
        .contains("… 47 more host blocks added (--full shows them)\n")
        // the context around the hunk stays
        .contains("     option host-name \"node00002\";\n");
  }

  @Test
  void removedLinesFoldAsRemovedAndOneLineBlocksAreLines() {
    StringBuilder before = new StringBuilder("# dnsmasq\n");
    for (int i = 0; i < 40; i++) {
      before.append("dhcp-host=02:01:00:00:00:%02x,10.0.0.%d,node%d\n".formatted(i, 10 + i, i));
    }
    String folded =
        DiffFold.fold(
            UnifiedDiff.between(
                "netroot.conf", "on disk", before.toString(), "planned", "# dnsmasq\n"));
    assertThat(folded)
        .contains("-dhcp-host=02:01:00:00:00:02,10.0.0.12,node2\n")
        .doesNotContain("node3\n")
        .contains("… 37 more dhcp-host lines removed (--full shows them)\n");
  }

  @Test
  void blocksOfDifferentShapesAndShortRunsAreShownWhole() {
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      after.append("host h%d {\n  fixed-address 10.0.0.%d;\n}\n".formatted(i, i));
    }
    // nine of a shape is under the fold; each line different in shape never folds
    after.append("a\nb = 1\nc: {x}\nd [1]\ne(2)\nf;\ng\"q\"\nh <>\ni ~\nj %\nk &\n");
    String diff = UnifiedDiff.between("f", "on disk", "", "planned", after.toString());
    assertThat(DiffFold.fold(diff)).isEqualTo(diff);
  }

  @Test
  void theShapeKeepsTheIndentAndFirstWordAndDropsNamesNumbersAndStrings() {
    assertThat(DiffFold.shape("    option host-name \"node00002\";"))
        .isEqualTo(DiffFold.shape("    option host-name \"a-much-longer-name\";"))
        .isEqualTo("    option w s;");
    assertThat(DiffFold.shape("  host node1 {")).isEqualTo("  host w {");
    assertThat(DiffFold.shape("  host node1 {")).isNotEqualTo(DiffFold.shape("  subnet node1 {"));
    assertThat(DiffFold.shape("  host node1 {")).isNotEqualTo(DiffFold.shape("    host node1 {"));
  }

  /** The plan on a terminal folds the DHCP file's diff; --full and JSON keep every block. */
  @TempDir Path dir;

  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    StringBuilder hosts = new StringBuilder(TestBootServer.DEVBOARD);
    for (int i = 1; i <= 30; i++) {
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
  void aFleetPlanFoldsTheHostBlocksOfTheDhcpFileUnlessFull() {
    String folded = server.agent("plan", "--fold").out();
    assertThat(folded).containsPattern("… 2\\d more host blocks added \\(--full shows them\\)");
    assertThat(folded).doesNotContain("host node20 {");
    String full = server.agent("plan", "--fold", "--full").out();
    assertThat(full).contains("host node20 {").doesNotContain("more host blocks added");
    assertThat(server.agent("plan", "--json").out()).contains("host node20 {");
    assertThat(server.agent("plan").out()).contains("host node20 {");
  }

  @Test
  void aFleetPlanSummarisesTheHostsThatChange() {
    assertThat(server.agent("apply").exit()).isZero();
    // each host's BIOS and UEFI files boot the profile with its new argument
    server.editSpec("boot.yaml", y -> y.replace("kernelArgs: [text]", "kernelArgs: [text, quiet]"));
    String plan = server.agent("plan", "--fold").out();
    assertThat(plan)
        .contains("By host: 31 hosts change\n")
        .contains(
            "  31 hosts, 2 to update each: devboard, node01, node02, node03, node04, … and 26"
                + " more\n");
    assertThat(plan.indexOf("By host:")).isLessThan(plan.indexOf("  ~ update"));
  }
}
