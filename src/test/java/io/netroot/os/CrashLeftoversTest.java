package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failing disk, a killed run or a deleted lock file leaves to the next run. */
class CrashLeftoversTest {

  @TempDir Path dir;

  private List<String> namesIn(Path top) throws Exception {
    try (Stream<Path> list = Files.list(top)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void temporaryFileNamesAreRecognisableAsNetroots() {
    String name = AtomicFile.tempName("01-aa", 0x1fL);
    assertThat(name).isEqualTo(".01-aa.netroot-000000000000001f");
    assertThat(AtomicFile.isTemp(name)).isTrue();
    assertThat(AtomicFile.isTemp(".dhcpd.conf.netroot-5c3a")).isTrue(); // an older netroot's
    assertThat(AtomicFile.isTemp("01-aa")).isFalse();
    assertThat(AtomicFile.isTemp(".dhcpd.conf.netroot-notes")).isFalse();
    assertThat(AtomicFile.isTemp("dhcpd.conf.netroot-5c3a")).isFalse();
    assertThat(AtomicFile.isTemp(".x.netroot-")).isFalse();
    assertThat(AtomicFile.isTemp(".x.netroot-00000000000000001")).isFalse();
  }

  @Test
  void aFailingFlushIsOneClearErrorPerFileAndLeavesNoTemporaryFile() throws Exception {
    Files.writeString(dir.resolve("old"), "before\n");
    FileBatch batch =
        FileBatch.flushingFilesystems()
            .flushingWith(
                onStore -> {
                  throw new LastErrorException(5);
                });
    batch.stage(dir.resolve("old"), "after\n".getBytes(StandardCharsets.UTF_8), null);
    batch.stage(dir.resolve("new"), "new\n".getBytes(StandardCharsets.UTF_8), null);

    Map<Path, NetrootException> failures = batch.commit();

    assertThat(failures).containsOnlyKeys(dir.resolve("old"), dir.resolve("new"));
    assertThat(failures.get(dir.resolve("new")))
        .hasMessage("cannot flush " + dir + " to disk: Input/output error");
    assertThat(namesIn(dir)).containsExactly("old");
    assertThat(dir.resolve("old")).hasContent("before");
  }

  @Test
  void theSystemsWordsAreShownWithoutJnasPrefix() {
    assertThat(AtomicFile.describe(new LastErrorException(28)))
        .isEqualTo("No space left on device");
    assertThat(AtomicFile.describe(new LastErrorException(9999))).isEqualTo("error 9999");
  }

  @Test
  void applySweepsTemporaryFilesWithoutFollowingLinks(@TempDir Path outside) throws Exception {
    RootFs root = new RootFs(dir);
    Files.createDirectories(dir.resolve("srv/tftp/pxelinux.cfg/deep"));
    Files.writeString(dir.resolve("srv/tftp/pxelinux.cfg/deep/.a.netroot-12"), "x");
    Files.writeString(outside.resolve(".b.netroot-34"), "not under the root");
    Files.createSymbolicLink(dir.resolve("srv/tftp/pxelinux.cfg/out"), outside);
    Files.createSymbolicLink(dir.resolve("srv/linked"), outside);

    List<String> planned =
        new TempSweep(root).sweep(List.of("/srv/linked"), List.of("/srv/tftp"), false);
    assertThat(planned).containsExactly("/srv/tftp/pxelinux.cfg/deep/.a.netroot-12");
    assertThat(dir.resolve("srv/tftp/pxelinux.cfg/deep/.a.netroot-12")).exists();

    new TempSweep(root).sweep(List.of("/srv/linked"), List.of("/srv/tftp"), true);
    assertThat(dir.resolve("srv/tftp/pxelinux.cfg/deep/.a.netroot-12")).doesNotExist();
    assertThat(outside.resolve(".b.netroot-34")).exists();
  }

  @Test
  void deletingTheLockFileWhileItIsHeldDoesNotLetAnotherWriterIn() throws Exception {
    RootFs root = new RootFs(dir);
    try (WriterLock held = WriterLock.acquire(root, Duration.ZERO)) {
      Files.delete(dir.resolve("var/lib/netroot/lock"));
      assertThatThrownBy(() -> WriterLock.acquire(root, Duration.ofMillis(300)))
          .isInstanceOf(NetrootException.class)
          .hasMessageContaining("holds the lock on " + dir);
    }
    try (WriterLock next = WriterLock.acquire(root, Duration.ZERO)) {
      assertThat(dir.resolve("var/lib/netroot/lock"))
          .hasContent(Long.toString(ProcessHandle.current().pid()));
    }
  }
}
