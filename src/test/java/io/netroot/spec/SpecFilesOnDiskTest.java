package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec "file" that is not a regular file, or is too large, is an error naming it and why: never
 * skipped (a skipped hosts.yaml would have apply remove every host's files), never opened when it
 * is a FIFO, never read whole into memory.
 */
class SpecFilesOnDiskTest {

  private static final Duration SOON = Duration.ofSeconds(20);

  @TempDir Path dir;
  @TempDir Path outside;

  @BeforeEach
  void base() {
    write(dir, "00-base.yaml", resource("base.yaml"));
  }

  @Test
  void danglingSymlinkedHostsFileIsAnErrorNotSkipped() throws IOException {
    Files.createSymbolicLink(dir.resolve("hosts.yaml"), Path.of("hosts-real.yaml"));
    assertThat(errors(dir))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.position()).isEqualTo(position("hosts.yaml"));
              assertThat(e.message())
                  .contains("is a dangling symbolic link")
                  .contains("hosts-real.yaml does not exist");
            });
  }

  @Test
  void symlinkLoopIsAnError() throws IOException {
    Files.createSymbolicLink(dir.resolve("a.yaml"), Path.of("b.yaml"));
    Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("a.yaml"));
    assertThat(errors(dir))
        .extracting(SpecError::toString)
        .containsExactly(
            position("a.yaml")
                + ": is a symbolic link (b.yaml) that cannot be followed: a loop of"
                + " symbolic links, or too many levels of them; fix the link or remove it",
            position("b.yaml")
                + ": is a symbolic link (a.yaml) that cannot be followed: a loop of"
                + " symbolic links, or too many levels of them; fix the link or remove it");
  }

  @Test
  void fifoIsAnErrorAndIsNeverOpened() throws Exception {
    mkfifo(dir.resolve("hosts.yaml"));
    // opening a FIFO with no writer blocks: the loader must answer without opening it
    List<SpecError> errors = assertTimeoutPreemptively(SOON, () -> errors(dir));
    assertThat(errors)
        .singleElement()
        .hasToString(
            position("hosts.yaml")
                + ": is a FIFO (named pipe); a spec file must be a regular file");
  }

  @Test
  void symlinkToFifoIsAnErrorAndIsNeverOpened() throws Exception {
    mkfifo(dir.resolve("pipe"));
    Files.createSymbolicLink(dir.resolve("hosts.yaml"), dir.resolve("pipe"));
    List<SpecError> errors = assertTimeoutPreemptively(SOON, () -> errors(dir));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo(
                        "is a symbolic link to "
                            + dir.resolve("pipe").toRealPath()
                            + ", which is a FIFO (named pipe); a spec file must be a regular file"));
  }

  @Test
  void socketIsAnError() throws IOException {
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(dir.resolve("hosts.yaml")));
      assertThat(errors(dir))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).startsWith("is a socket; "));
    }
  }

  @Test
  void symlinkToADeviceIsAnErrorAndIsNeverRead() throws IOException {
    Files.createSymbolicLink(dir.resolve("hosts.yaml"), Path.of("/dev/zero"));
    List<SpecError> errors = assertTimeoutPreemptively(SOON, () -> errors(dir));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .isEqualTo(
                        "is a symbolic link to /dev/zero, which is a character device; a spec file"
                            + " must be a regular file"));
  }

  @Test
  void symlinkToADirectoryNamedLikeASpecIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(dir.resolve("hosts.yaml"), dir.resolve("elsewhere"));
    assertThat(errors(dir))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("which is a directory"));
  }

  @Test
  void symlinkToARegularFileIsRead() throws IOException {
    Path real = write(outside, "base.yaml", resource("base.yaml"));
    Files.delete(dir.resolve("00-base.yaml"));
    Files.createSymbolicLink(dir.resolve("base.yaml"), real);
    assertThat(SpecLoader.load(dir).rootImages()).hasSize(1);
  }

  @Test
  void symlinkedSpecsDirectoryIsFollowedAndItsFilesKeepTheGivenNames() throws IOException {
    Path link = Files.createSymbolicLink(outside.resolve("specs"), dir);
    write(dir, "hosts.yaml", "kind: Host\n");
    assertThat(errors(link))
        .isNotEmpty()
        .allSatisfy(
            e -> assertThat(e.position().file()).isEqualTo(link.resolve("hosts.yaml").toString()));
  }

  @Test
  void specFileOverTheLimitIsAnErrorNotAnOutOfMemoryError() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
      file.setLength(SpecFileReader.LIMIT + 1);
    }
    assertThat(errors(dir))
        .singleElement()
        .hasToString(position("huge.yaml") + ": is 65 MiB; the limit is 64 MiB");
  }

  @Test
  void readErrorsAreNamedInWordsWithoutJavaClassNames() {
    assertThat(IoProblems.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(IoProblems.describe(new NoSuchFileException("/x"))).isEqualTo("does not exist");
    assertThat(IoProblems.describe(new FileSystemException("/x", null, "Is a directory")))
        .isEqualTo("is a directory");
    assertThat(IoProblems.describe(new IOException())).isEqualTo("an input/output error");
  }

  @Test
  void noMessageAboutAFileOnDiskShowsAJavaClassName() throws Exception {
    Files.createSymbolicLink(dir.resolve("a.yaml"), Path.of("missing.yaml"));
    Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("b.yaml"));
    Files.createSymbolicLink(dir.resolve("c.yaml"), Path.of("/dev/null"));
    mkfifo(dir.resolve("d.yaml"));
    assertThat(errors(dir))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.message()).doesNotContain("Exception", "java."));
  }

  private Position position(String name) {
    return new Position(dir.resolve(name).toString(), 1, 1);
  }

  private static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
  }
}
