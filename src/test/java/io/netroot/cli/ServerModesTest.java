package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.DirectorySnapshot;
import io.netroot.os.ProcessUmask;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modes of what apply creates do not depend on the umask it runs under: the TFTP tree is
 * readable by the TFTP server's user, netroot's state is root's alone, and a backup never keeps a
 * set-id bit.
 */
class ServerModesTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  private TestBootServer.Run applyUnderUmask077() {
    try (ProcessUmask mask = ProcessUmask.set(0077)) {
      return server.agent("apply");
    }
  }

  @Test
  void underUmask077TheTftpTreeIs0755And0644AndTheStateIsPrivate() throws Exception {
    TestBootServer.Run apply = applyUnderUmask077();
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();

    Path tftp = server.file("/var/lib/tftpboot");
    try (Stream<Path> walk = Files.walk(tftp)) {
      for (Path p : walk.toList()) {
        int expected = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? 0755 : 0644;
        assertThat(DirectorySnapshot.mode(p)).as(p.toString()).isEqualTo(expected);
      }
    }
    assertThat(DirectorySnapshot.mode(server.file("/var/lib"))).isEqualTo(0755);
    assertThat(DirectorySnapshot.mode(server.file("/etc/dhcp"))).isEqualTo(0755);
    assertThat(DirectorySnapshot.mode(server.file("/etc/dhcp/dhcpd.conf"))).isEqualTo(0644);
    assertThat(DirectorySnapshot.mode(server.file("/var/lib/netroot"))).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(server.file("/var/lib/netroot/state.json"))).isEqualTo(0600);
    assertThat(DirectorySnapshot.mode(server.file("/var/lib/netroot/lock"))).isEqualTo(0600);
  }

  @Test
  void aSetuidFileOverwrittenByApplyIsBackedUpWithoutTheBit() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    Path menu = server.file("/var/lib/tftpboot/pxelinux.cfg/default");
    Files.writeString(menu, "#!/bin/sh\necho hand edit\n");
    DirectorySnapshot.chmod(menu, 04755);

    TestBootServer.Run apply = applyUnderUmask077();

    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(DirectorySnapshot.mode(menu)).isEqualTo(0644);
    Path backups = server.file("/var/lib/netroot/backups");
    assertThat(DirectorySnapshot.mode(backups)).isEqualTo(0700);
    Path copy;
    try (Stream<Path> walk = Files.walk(backups)) {
      copy = walk.filter(p -> p.endsWith("pxelinux.cfg/default")).findFirst().orElseThrow();
    }
    assertThat(copy).hasContent("#!/bin/sh\necho hand edit");
    assertThat(DirectorySnapshot.mode(copy)).isEqualTo(0600);
    assertThat(DirectorySnapshot.mode(backups.resolve("index.jsonl"))).isEqualTo(0600);
  }
}
