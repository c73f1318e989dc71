package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesTest {

  @TempDir Path dir;

  @Test
  void aTemporaryFileIsCreatedOwnerOnlyWhateverTheUmask() throws Exception {
    try (ProcessUmask mask = ProcessUmask.set(0);
        AtomicFile.Temp temp = AtomicFile.createTemp(dir, "dhcpd.conf")) {
      assertThat(DirectorySnapshot.mode(temp.path())).isEqualTo(0600);
    }
  }

  /**
   * Staged content is unnamed until the commit; the inode behind its descriptor (seen through
   * {@code /proc/self/fd}) already has its final mode, whatever the umask, so it is never published
   * with another one.
   */
  @Test
  void aStagedFileHasItsFinalModeBeforeTheRename() throws Exception {
    FileBatch batch = FileBatch.flushingEachFile();
    try (ProcessUmask mask = ProcessUmask.set(0077)) {
      batch.stage(dir.resolve("default"), "menu\n".getBytes(StandardCharsets.UTF_8), null);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).as("nothing named before the commit").isEmpty();
    }
    List<Path> staged;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      staged =
          fds.filter(fd -> target(fd).startsWith(dir.toString() + "/#"))
              .filter(fd -> target(fd).endsWith("(deleted)"))
              .toList();
    }
    assertThat(staged).hasSize(1);
    // stat through the descriptor's magic link: the unnamed inode itself
    int mode = (Integer) Files.readAttributes(staged.get(0), "unix:mode").get("mode") & 07777;
    assertThat(mode).isEqualTo(0644);
    batch.commit();
    assertThat(DirectorySnapshot.mode(dir.resolve("default"))).isEqualTo(0644);
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void aBackupCopyIsOwnerOnlyAndNeverSetIdOrExecutable() {
    assertThat(FileModes.forBackup(FileModes.parse("4755"))).isEqualTo(FileModes.parse("0600"));
    assertThat(FileModes.forBackup(FileModes.parse("0644"))).isEqualTo(FileModes.parse("0600"));
    assertThat(FileModes.forBackup(FileModes.parse("0444"))).isEqualTo(FileModes.parse("0400"));
  }

  @Test
  void aNumericModeKeepsOnlyThePermissionBits() {
    assertThat(FileModes.of(0104755)).isEqualTo(FileModes.parse("0755"));
  }
}
