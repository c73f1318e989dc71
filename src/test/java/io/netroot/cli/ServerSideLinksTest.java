package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.DirectorySnapshot;
import io.netroot.os.FileModes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot server's own directories and files, replaced by symbolic links to places outside the
 * root: netroot refuses to read or write through them, and the places they point to (victims, in a
 * directory of their own) stay byte for byte as they were.
 */
class ServerSideLinksTest {

  static final String LINKED = " is a symbolic link; netroot does not write through links";
  static final String SECRET = "SECRET-TOKEN-4f1c";

  @TempDir Path dir;
  @TempDir Path victims;
  TestBootServer server;
  Path victimDir;
  Path secret;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    victimDir = victims.resolve("dir");
    Files.createDirectories(victimDir);
    Files.writeString(victimDir.resolve("default"), "victim menu\n");
    Files.writeString(victimDir.resolve("dhcpd.conf"), "# the site's own\n");
    Files.writeString(victimDir.resolve("01-08-00-2b-4c-59-23"), "victim host\n");
    secret = victims.resolve("secret");
    Files.writeString(secret, SECRET + "\n");
    Files.setPosixFilePermissions(secret, FileModes.parse("0600"));
  }

  /** Replaces the directory at a server path (made if missing) by a link to the victim one. */
  private void linkToVictim(String serverDir) throws Exception {
    Path real = server.file(serverDir);
    Files.createDirectories(real.getParent());
    Files.createSymbolicLink(real, victimDir);
  }

  private static String all(TestBootServer.Run run) {
    return run.out() + run.err();
  }

  @Test
  void aLinkedPxelinuxCfgIsRefusedByPlanAndApplyAndItsTargetIsUntouched() throws Exception {
    linkToVictim("/var/lib/tftpboot/pxelinux.cfg");
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply", "--prune");

    String message = server.file("/var/lib/tftpboot/pxelinux.cfg") + LINKED;
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(all(plan)).contains(message).doesNotContain("victim");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(message).doesNotContain("Exception");
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aLinkedImagesDirectoryIsRefusedAndItsTargetIsUntouched() throws Exception {
    linkToVictim("/var/lib/tftpboot/images");
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run apply = server.agent("apply", "--prune");

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(server.file("/var/lib/tftpboot/images") + LINKED);
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aLinkedEfiTreeIsRefusedAndItsTargetIsUntouched() throws Exception {
    linkToVictim("/var/lib/tftpboot/efi64");
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run apply = server.agent("apply", "--prune");

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(server.file("/var/lib/tftpboot/efi64") + LINKED);
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aLinkedDhcpDirectoryIsRefusedAndTheSitesFileThereIsUntouched() throws Exception {
    linkToVictim("/etc/dhcp");
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    String message = server.file("/etc/dhcp") + LINKED;
    assertThat(all(plan)).contains(message).doesNotContain("the site's own");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(message);
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aLinkedStateDirectoryStopsPlanAndApplyBeforeAnythingIsWritten() throws Exception {
    Files.writeString(victimDir.resolve("state.json"), "{\"format_version\": 2}\n");
    linkToVictim("/var/lib/netroot");
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    String message = server.file("/var/lib/netroot") + LINKED;
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(all(plan)).contains(message);
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(message);
    assertThat(server.file("/var/lib/tftpboot")).doesNotExist();
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aLockFileLinkedToAVictimLeavesItUntouched() throws Exception {
    Path lock = server.file("/var/lib/netroot/lock");
    Files.createDirectories(lock.getParent());
    Files.createSymbolicLink(lock, secret);
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(lock + LINKED);
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aManagedFileReplacedByALinkToASecretIsDriftAndTheSecretGoesNowhere() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path menu = server.file("/var/lib/tftpboot/pxelinux.cfg/default");
    Files.delete(menu);
    Files.createSymbolicLink(menu, secret);
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run drift = server.agent("drift");
    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run json = server.agent("plan", "--json");
    TestBootServer.Run apply = server.agent("apply");
    TestBootServer.Run backups = TestBootServer.run("backups", "--root", server.root.toString());

    assertThat(drift.exit()).isEqualTo(2);
    assertThat(all(plan)).contains("-replaced by a symbolic link to " + secret);
    for (TestBootServer.Run run : new TestBootServer.Run[] {drift, plan, json, apply, backups}) {
      assertThat(all(run)).doesNotContain(SECRET);
    }
    assertThat(apply.exit()).as(all(apply)).isZero();
    assertThat(Files.isSymbolicLink(menu)).isFalse();
    assertThat(menu).content().contains("MENU TITLE netroot: bootsrv");
    assertThat(DirectorySnapshot.mode(menu)).isEqualTo(0644);
    assertThat(backups.out()).contains("/var/lib/tftpboot/pxelinux.cfg/default");
    try (Stream<Path> walk = Files.walk(server.root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain(SECRET);
      }
    }
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aSharedFileReplacedByALinkToASecretIsRefusedAndNeitherReadNorWritten() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    Files.delete(dhcpd);
    Files.createSymbolicLink(dhcpd, secret);
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(all(plan)).contains(dhcpd + " is a symbolic link").doesNotContain(SECRET);
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply)).contains(dhcpd + " is a symbolic link").doesNotContain(SECRET);
    assertThat(Files.readSymbolicLink(dhcpd)).isEqualTo(secret);
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }

  @Test
  void aDhcpConfigPathStartingWithTwoSlashesWritesNothingOutsideTheRoot() throws Exception {
    server.editSpec(
        "boot.yaml",
        yaml ->
            yaml.replace(
                "config: /etc/dhcp/dhcpd.conf", "config: /" + victimDir.resolve("dhcpd.conf")));
    Map<String, String> before = DirectorySnapshot.of(victims);

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(all(apply))
        .contains("/" + victimDir.resolve("dhcpd.conf"))
        .doesNotContain("Exception");
    assertThat(DirectorySnapshot.of(victims)).isEqualTo(before);
  }
}
