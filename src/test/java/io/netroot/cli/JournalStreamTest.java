package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JOURNAL_STREAM counts only when it names the device and inode of stderr itself. */
class JournalStreamTest {

  @TempDir Path dir;

  static String devIno(Path file) throws Exception {
    return Files.getAttribute(file, "unix:dev") + ":" + Files.getAttribute(file, "unix:ino");
  }

  @Test
  void theVariableNamingTheStreamMatches() throws Exception {
    Path stream = Files.createFile(dir.resolve("stream"));
    assertThat(JournalStream.matches(devIno(stream), stream)).isTrue();
  }

  @Test
  void anInheritedVariableForAnotherStreamDoesNotMatch() throws Exception {
    Path stream = Files.createFile(dir.resolve("stream"));
    Path other = Files.createFile(dir.resolve("other"));
    assertThat(JournalStream.matches(devIno(other), stream)).isFalse();
  }

  @Test
  void anAbsentOrMalformedVariableDoesNotMatch() throws Exception {
    Path stream = Files.createFile(dir.resolve("stream"));
    assertThat(JournalStream.matches(null, stream)).isFalse();
    assertThat(JournalStream.matches("", stream)).isFalse();
    assertThat(JournalStream.matches("8", stream)).isFalse();
    assertThat(JournalStream.matches(":12", stream)).isFalse();
    assertThat(JournalStream.matches("a:b", stream)).isFalse();
    assertThat(JournalStream.matches(devIno(stream), dir.resolve("gone"))).isFalse();
  }

  @Test
  void stderrOfThisProcessIsFoundThroughProc() throws Exception {
    assertThat(JournalStream.matches(devIno(JournalStream.STDERR), JournalStream.STDERR)).isTrue();
  }
}
