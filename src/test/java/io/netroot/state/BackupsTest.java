package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.os.DirectorySnapshot;
import io.netroot.os.FileModes;
import io.netroot.os.ProcessUmask;
import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

  @TempDir Path dir;
  @TempDir Path victim;

  Backups backups;
  Path secret;

  @BeforeEach
  void setUp() throws Exception {
    backups =
        new Backups(
            new RootFs(dir), Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    secret = victim.resolve("shadow");
    Files.writeString(secret, "root:SECRET-HASH:19000::::::\n");
    Files.setPosixFilePermissions(secret, FileModes.parse("0600"));
    Files.createDirectories(dir.resolve("srv/tftp"));
  }

  private Path copyOf(Backups.Entry entry) {
    return dir.resolve("var/lib/netroot/backups/" + entry.id() + entry.path());
  }

  @Test
  void aSetuidFileIsBackedUpWithoutItsSetIdBitsAndOwnerOnly() throws Exception {
    Path file = dir.resolve("srv/tftp/tool");
    Files.writeString(file, "#!/bin/sh\n");
    DirectorySnapshot.chmod(file, 04755);
    assertThat(DirectorySnapshot.mode(file)).isEqualTo(04755);

    Backups.Entry entry = backups.save("/srv/tftp/tool", "hand edit");

    assertThat(copyOf(entry)).hasContent("#!/bin/sh");
    assertThat(DirectorySnapshot.mode(copyOf(entry))).isEqualTo(0600);
  }

  @Test
  void aReadOnlyFileIsBackedUpReadOnly() throws Exception {
    Path file = dir.resolve("srv/tftp/menu");
    Files.writeString(file, "menu\n");
    Files.setPosixFilePermissions(file, FileModes.parse("0444"));

    assertThat(DirectorySnapshot.mode(copyOf(backups.save("/srv/tftp/menu", "x")))).isEqualTo(0400);
  }

  @Test
  void theBackupDirectoriesAndIndexAreRootsAloneWhateverTheUmask() throws Exception {
    Files.writeString(dir.resolve("srv/tftp/menu"), "menu\n");
    Backups.Entry entry;
    try (ProcessUmask mask = ProcessUmask.set(0)) {
      entry = backups.save("/srv/tftp/menu", "x");
    }
    Path top = dir.resolve("var/lib/netroot");
    assertThat(DirectorySnapshot.mode(top)).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(top.resolve("backups"))).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(top.resolve("backups/" + entry.id()))).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(top.resolve("backups/" + entry.id() + "/srv/tftp")))
        .isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(top.resolve("backups/index.jsonl"))).isEqualTo(0600);
  }

  @Test
  void aLinkIsBackedUpAsTheLinkNeverAsWhatItPointsTo() throws Exception {
    Files.createSymbolicLink(dir.resolve("srv/tftp/menu"), secret);

    Backups.Entry entry = backups.save("/srv/tftp/menu", "replaced by a symbolic link");

    assertThat(entry.link()).isEqualTo(secret.toString());
    assertThat(copyOf(entry)).hasContent(secret.toString());
    assertThat(Files.isSymbolicLink(copyOf(entry))).isFalse();
    assertThat(backups.list()).containsExactly(entry);
    try (Stream<Path> walk = Files.walk(dir.resolve("var/lib/netroot"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain("SECRET-HASH");
      }
    }
  }

  @Test
  void aBackedUpLinkIsRestoredAsThatLink() throws Exception {
    Path menu = dir.resolve("srv/tftp/menu");
    Files.createSymbolicLink(menu, secret);
    Backups.Entry entry = backups.save("/srv/tftp/menu", "x");
    Files.delete(menu);
    Files.writeString(menu, "netroot's menu\n");

    backups.restore(entry.id(), null);

    assertThat(Files.readSymbolicLink(menu)).isEqualTo(secret);
    assertThat(secret).hasContent("root:SECRET-HASH:19000::::::");
  }

  @Test
  void aLinkedBackupDirectoryIsRefusedAndNothingIsWrittenThere() throws Exception {
    Files.writeString(dir.resolve("srv/tftp/menu"), "menu\n");
    Files.createDirectories(dir.resolve("var/lib/netroot"));
    Files.createSymbolicLink(dir.resolve("var/lib/netroot/backups"), victim);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> backups.save("/srv/tftp/menu", "x"))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("backups is a symbolic link; netroot does not write through links");
    assertThatThrownBy(() -> backups.list()).hasMessageContaining("is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aLinkedIndexIsRefusedAndItsTargetLeftAlone() throws Exception {
    Files.writeString(dir.resolve("srv/tftp/menu"), "menu\n");
    Path backupDir = dir.resolve("var/lib/netroot/backups");
    Files.createDirectories(backupDir);
    Files.createSymbolicLink(backupDir.resolve("index.jsonl"), secret);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> backups.save("/srv/tftp/menu", "x"))
        .hasMessageContaining("index.jsonl is a symbolic link");
    assertThatThrownBy(() -> backups.list()).hasMessageContaining("index.jsonl is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }
}
