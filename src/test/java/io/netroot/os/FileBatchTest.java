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

  /**
   * The descriptors of this process open on unnamed files under {@code top}: counted by what they
   * point at, since other threads of the test JVM open and close descriptors of their own.
   */
  private static long unnamedUnder(Path top) throws Exception {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(FileBatchTest::target)
          .filter(t -> t.startsWith(top.toString() + "/") && t.endsWith(" (deleted)"))
          .count();
    }
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (java.io.IOException e) {
      return ""; // closed meanwhile
    }
  }

  /**
   * Staged content has no name until the commit: a TFTP client, a directory listing or a crash
   * right then finds only the old file, and the descriptors are released after.
   */
  @Test
  void stagedContentIsInvisibleInTheDirectoryUntilTheCommit() throws Exception {
    Path old = dir.resolve("pxelinux.cfg/default");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "before\n");
    FileBatch batch = FileBatch.flushingEachFile(); // written at once, so the listing is final
    batch.stage(old, bytes("after\n"), FileModes.parse("0644"));
    batch.stage(dir.resolve("pxelinux.cfg/01-aa"), bytes("host\n"), FileModes.parse("0640"));
    try (Stream<Path> listed = Files.list(old.getParent())) {
      assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("default");
    }
    assertThat(old).hasContent("before");

    assertThat(batch.commit()).isEmpty();

    assertThat(old).hasContent("after");
    assertThat(FileModes.toInt(Files.getPosixFilePermissions(dir.resolve("pxelinux.cfg/01-aa"))))
        .isEqualTo(0640);
    try (Stream<Path> listed = Files.list(old.getParent())) {
      assertThat(listed.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("default", "01-aa");
    }
    assertThat(unnamedUnder(dir)).isZero();
  }

  @Test
  void abortReleasesTheDescriptorsOfStagedContent() throws Exception {
    FileBatch batch = FileBatch.flushingEachFile();
    for (int i = 0; i < 20; i++) {
      batch.stage(dir.resolve("f" + i), bytes("x"), null);
    }
    assertThat(unnamedUnder(dir)).isEqualTo(20);
    batch.abort();
    assertThat(unnamedUnder(dir)).isZero();
    assertThat(filesUnder(dir)).isZero();
  }

  /** More files than may stay open at once: the rest are staged as named temporary files. */
  @Test
  void aBatchLargerThanTheOpenLimitIsStillCommittedWhole() throws Exception {
    FileBatch batch = FileBatch.flushingFilesystems();
    int count = UnnamedFile.MAX_OPEN + 100;
    for (int i = 0; i < count; i++) {
      batch.stage(dir.resolve("h/" + i), bytes("host " + i + "\n"), null);
    }
    assertThat(batch.commit()).isEmpty();
    assertThat(filesUnder(dir)).isEqualTo(count);
    assertThat(dir.resolve("h/" + (count - 1))).hasContent("host " + (count - 1));
    assertThat(unnamedUnder(dir)).isZero();
  }
}
