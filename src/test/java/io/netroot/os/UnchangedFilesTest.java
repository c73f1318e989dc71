package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass of a long-lived process does not read again a file whose stamp is that of an earlier read,
 * and still sees every change: one that only the change time shows, and, on every Nth pass, one
 * that no stamp shows.
 */
class UnchangedFilesTest {

  private static final String PATH = "/srv/tftp/pxelinux.cfg/01-aa";

  @TempDir Path rootDir;

  @Test
  void theFirstPassReadsAndStampsNothingAndTheSecondStamps() throws IOException {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    write("DEFAULT a\n");

    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT a\n");
    assertThat(unchanged.size()).isZero();
    observe(unchanged);
    assertThat(unchanged.size()).isOne();
  }

  @Test
  void anUnchangedFileIsNotReadAgain() throws IOException {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    write("DEFAULT a\n");
    observe(unchanged);
    byte[] second = bytes(observe(unchanged));

    // the same array: served from the last read, not read again
    assertThat(bytes(observe(unchanged))).isSameAs(second);
    assertThat(bytes(observe(unchanged))).isSameAs(second);
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndItsModificationTimeResetIsReadAgain() throws Exception {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    Path file = write("DEFAULT a\n");
    observe(unchanged);
    observe(unchanged);
    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT a\n");
    UnchangedFiles.Stamp before = UnchangedFiles.lstat(file);
    FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);

    // the same size, and the modification time set back with touch -d: only the change time moves
    UnchangedFiles.Stamp after = before;
    for (int i = 0; i < 200 && after.changed() == before.changed(); i++) {
      Thread.sleep(5);
      Files.writeString(file, "DEFAULT b\n");
      touch(file, modified);
      after = UnchangedFiles.lstat(file);
    }
    assertThat(after.key()).isEqualTo(before.key());
    assertThat(after.size()).isEqualTo(before.size());
    assertThat(after.modified()).isEqualTo(before.modified());
    assertThat(after.changed()).isNotEqualTo(before.changed());

    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT b\n");
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeAndTimesIsReadAgain() throws Exception {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    Path file = write("DEFAULT a\n");
    observe(unchanged);
    observe(unchanged);
    FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
    Path other = file.resolveSibling("new");
    Files.writeString(other, "DEFAULT c\n");
    touch(other, modified);
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT c\n");
  }

  @Test
  void everyNthPassReadsEveryFileWhateverItsStamp() throws IOException {
    // a stamp that never changes: only the full read can see the new content
    UnchangedFiles.Stamp fixed =
        new UnchangedFiles.Stamp("1:1", 10, 1, 1, new ModeAndOwner(0644, 0, 0));
    UnchangedFiles unchanged = new UnchangedFiles(3, 0, file -> fixed);
    write("DEFAULT a\n");
    observe(unchanged); // pass 1: read, nothing stamped
    observe(unchanged); // pass 2: read and stamped
    write("DEFAULT b\n");

    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT a\n"); // pass 3: skipped
    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT a\n"); // pass 4: skipped
    assertThat(text(observe(unchanged))).isEqualTo("DEFAULT b\n"); // pass 5 = 2 + 3: read
  }

  @Test
  void aFileChangedJustBeforeItWasStampedIsReadAgain() throws IOException {
    UnchangedFiles unchanged =
        new UnchangedFiles(10, TimeUnit.HOURS.toNanos(1), UnchangedFiles::lstat);
    write("DEFAULT a\n");
    observe(unchanged);
    byte[] second = bytes(observe(unchanged));

    assertThat(bytes(observe(unchanged))).isNotSameAs(second).isEqualTo(second);
  }

  @Test
  void aLinkOrNothingIsSeenAsItIsAndNotStamped() throws IOException {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    observe(unchanged);
    assertThat(observe(unchanged)).isInstanceOf(Found.Nothing.class);
    Path file = new RootFs(rootDir).resolve(PATH);
    Files.createDirectories(file.getParent());
    Files.createSymbolicLink(file, Path.of("/etc/shadow"));

    assertThat(observe(unchanged)).isEqualTo(new Found.Link("/etc/shadow"));
    assertThat(unchanged.size()).isZero();
  }

  @Test
  void theModeAndOwnerComeFromThisPasssStampAndFollowAChmod() throws IOException {
    UnchangedFiles unchanged = new UnchangedFiles(10, 0, UnchangedFiles::lstat);
    Path file = write("DEFAULT a\n");
    observe(unchanged);
    observe(unchanged);
    Path real = new RootFs(rootDir).resolve(PATH);
    assertThat(unchanged.modeAndOwner(real)).isEqualTo(ModeAndOwner.of(file).orElseThrow());

    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    unchanged.startPass();
    // a pass that has not looked at the file yet knows nothing of it
    assertThat(unchanged.modeAndOwner(real)).isNull();
    RootFs root = new RootFs(rootDir).forPass(unchanged);
    root.observe(PATH);
    assertThat(root.modeAndOwner(PATH).orElseThrow().mode()).isEqualTo(0600);
  }

  @Test
  void aRootWithoutStampsReadsEveryTime() throws IOException {
    write("DEFAULT a\n");
    RootFs root = new RootFs(rootDir).forPass();
    byte[] first = bytes(root.observe(PATH));

    assertThat(bytes(root.observe(PATH))).isNotSameAs(first).isEqualTo(first);
  }

  private Found observe(UnchangedFiles unchanged) throws IOException {
    unchanged.startPass();
    return new RootFs(rootDir).forPass(unchanged).observe(PATH);
  }

  private Path write(String text) throws IOException {
    Path file = new RootFs(rootDir).resolve(PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** {@code touch -d} to the given time, to the nanosecond. */
  private static void touch(Path file, FileTime time) throws Exception {
    long nanos = time.to(TimeUnit.NANOSECONDS);
    String at = String.format("@%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    Process touch = new ProcessBuilder(List.of("touch", "-d", at, file.toString())).start();
    assertThat(touch.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(touch.exitValue()).isZero();
  }

  private static byte[] bytes(Found found) {
    assertThat(found).isInstanceOf(Found.File.class);
    return ((Found.File) found).bytes();
  }

  private static String text(Found found) {
    return new String(bytes(found), StandardCharsets.UTF_8);
  }
}
