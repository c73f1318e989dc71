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

  @Test
  void aStagedFileHasItsFinalModeBeforeTheRename() throws Exception {
    FileBatch batch = FileBatch.flushingEachFile();
    try (ProcessUmask mask = ProcessUmask.set(0077)) {
      batch.stage(dir.resolve("default"), "menu\n".getBytes(StandardCharsets.UTF_8), null);
    }
    List<Path> temps;
    try (Stream<Path> files = Files.list(dir)) {
      temps = files.toList();
    }
    assertThat(temps)
        .singleElement()
        .satisfies(t -> assertThat(t.toString()).contains(".netroot-"));
    assertThat(DirectorySnapshot.mode(temps.get(0))).isEqualTo(0644);
    batch.commit();
    assertThat(DirectorySnapshot.mode(dir.resolve("default"))).isEqualTo(0644);
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
