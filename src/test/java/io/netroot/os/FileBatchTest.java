package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBatchTest {

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private long filesUnder(Path top) throws Exception {
    try (Stream<Path> walk = Files.walk(top)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void nothingIsReplacedUntilCommitAndThenEveryFileIs() throws Exception {
    Path old = dir.resolve("a/old");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "before\n");
    FileBatch batch = FileBatch.flushingFilesystems();
    for (int i = 0; i < 50; i++) {
      batch.stage(dir.resolve("a/f" + i), bytes("file " + i + "\n"), null);
    }
    batch.stage(old, bytes("after\n"), null);
    assertThat(old).hasContent("before");
    assertThat(dir.resolve("a/f0")).doesNotExist();

    assertThat(batch.commit()).isEmpty();

    assertThat(old).hasContent("after");
    assertThat(dir.resolve("a/f49")).hasContent("file 49");
    assertThat(filesUnder(dir)).as("no temporary file left").isEqualTo(51);
  }

  @Test
  void abortLeavesEveryTargetAsItWasAndNoTemporaryFile() throws Exception {
    Path old = dir.resolve("old");
    Files.writeString(old, "before\n");
    FileBatch batch = FileBatch.flushingFilesystems();
    batch.stage(old, bytes("after\n"), null);
    batch.stage(dir.resolve("new"), bytes("x"), null);
    batch.abort();
    assertThat(old).hasContent("before");
    assertThat(filesUnder(dir)).isEqualTo(1);
  }

  @Test
  void aTargetThatCannotBeReplacedIsReportedAndTheOthersAreCommitted() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.createDirectories(blocked.resolve("inside"));
    FileBatch batch = FileBatch.flushingFilesystems();
    batch.stage(dir.resolve("fine"), bytes("ok\n"), null);
    batch.stage(blocked, bytes("never\n"), null);

    var failures = batch.commit();

    assertThat(failures).containsOnlyKeys(blocked);
    assertThat(failures.get(blocked)).hasMessageContaining("cannot write " + blocked);
    assertThat(dir.resolve("fine")).hasContent("ok");
    assertThat(blocked.resolve("inside")).isDirectory();
    assertThat(filesUnder(dir)).isEqualTo(1);
  }

  @Test
  void aRootWithABatchStagesAndOneWithoutWritesAtOnce() throws Exception {
    RootFs root = new RootFs(dir);
    root.writeFile("/etc/now", bytes("now\n"), null);
    assertThat(dir.resolve("etc/now")).hasContent("now");

    FileBatch batch = FileBatch.flushingFilesystems();
    RootFs batched = root.writingTo(batch);
    batched.writeFile("/etc/later", bytes("later\n"), null);
    assertThat(dir.resolve("etc/later")).doesNotExist();
    batch.commit();
    assertThat(dir.resolve("etc/later")).hasContent("later");
    assertThat(batched.resolve("/etc/later")).isEqualTo(root.resolve("/etc/later"));
  }
}
