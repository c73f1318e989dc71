package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRetentionCliTest {

  @TempDir Path dir;
  TestBootServer server;
  Path dhcpd;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    assertThat(server.agent("apply").exit()).isZero();
    dhcpd = server.file("/etc/dhcp/dhcpd.conf");
  }

  /** Edits dhcpd.conf by hand and applies: one more backup of it. */
  private void handEditAndApply(int n) throws Exception {
    Files.writeString(dhcpd, Files.readString(dhcpd).replace("10.0.0.222;", "10.0.0.222; #" + n));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.err()).isZero();
  }

  private long backupsOfDhcpd() {
    return TestBootServer.run("backups", "--root", server.root.toString())
        .out()
        .lines()
        .filter(l -> l.contains("/etc/dhcp/dhcpd.conf:"))
        .count();
  }

  @Test
  void anApplyThatTakesABackupKeepsOnlyAsManyAsTheSpecSays() throws Exception {
    server.editSpec(
        "boot.yaml",
        yaml ->
            yaml.replaceFirst(
                "  tftp: \\{service: tftp}\n", "$0  agent:\n    backups: {keep: 2}\n"));
    for (int n = 0; n < 4; n++) {
      handEditAndApply(n);
    }
    assertThat(backupsOfDhcpd()).isEqualTo(2);
  }

  @Test
  void pruneOldKeepsTheNewestCopyOfEachFileAndSaysWhatWent() throws Exception {
    for (int n = 0; n < 3; n++) {
      handEditAndApply(n);
    }
    assertThat(backupsOfDhcpd()).isEqualTo(3);

    TestBootServer.Run prune =
        TestBootServer.run(
            "backups",
            "--root",
            server.root.toString(),
            "--specs",
            server.specs.toString(),
            "--prune-old",
            "--keep",
            "1");

    assertThat(prune.exit()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("removed 2 old backups (keeping 1 per file, for 90d");
    assertThat(backupsOfDhcpd()).isEqualTo(1);
    String kept =
        TestBootServer.run("backups", "--root", server.root.toString())
            .out()
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow()
            .split(" ")[0];
    assertThat(server.file("/var/lib/netroot/backups/" + kept + "/etc/dhcp/dhcpd.conf"))
        .content()
        .contains("10.0.0.222; #2");
  }

  @Test
  void aBadMaxAgeIsRefusedAndNothingIsRemoved() throws Exception {
    handEditAndApply(0);
    TestBootServer.Run prune =
        TestBootServer.run(
            "backups", "--root", server.root.toString(), "--prune-old", "--max-age", "soon");
    assertThat(prune.exit()).isEqualTo(1);
    assertThat(prune.err()).contains("--max-age").contains("is not a duration");
    assertThat(backupsOfDhcpd()).isEqualTo(1);
  }
}
