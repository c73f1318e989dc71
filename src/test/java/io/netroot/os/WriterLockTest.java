package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

  @TempDir Path dir;
  @TempDir Path victim;

  private Path lockFile() {
    return dir.resolve("var/lib/netroot/lock");
  }

  @Test
  void theLockFileIsCreated0600InA0700StateDirectoryWhateverTheUmask() {
    try (ProcessUmask mask = ProcessUmask.set(0);
        WriterLock lock = WriterLock.acquire(new RootFs(dir), Duration.ZERO)) {
      assertThat(DirectorySnapshot.mode(lockFile())).isEqualTo(0600);
      assertThat(DirectorySnapshot.mode(dir.resolve("var/lib/netroot"))).isEqualTo(0700);
      assertThat(DirectorySnapshot.mode(dir.resolve("var/lib"))).isEqualTo(0755);
      assertThat(lockFile()).hasContent(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aLockFileLeftReadableByAllIsMadePrivate() throws Exception {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), "123\n");
    Files.setPosixFilePermissions(lockFile(), FileModes.parse("0666"));
    try (WriterLock lock = WriterLock.acquire(new RootFs(dir), Duration.ZERO)) {
      assertThat(DirectorySnapshot.mode(lockFile())).isEqualTo(0600);
    }
  }

  @Test
  void aLockFileThatIsALinkIsRefusedAndItsTargetIsLeftAlone() throws Exception {
    Path secret = victim.resolve("secret");
    Files.writeString(secret, "do not overwrite\n");
    Files.createDirectories(lockFile().getParent());
    Files.createSymbolicLink(lockFile(), secret);
    Files.createSymbolicLink(dir.resolve("var/lib/netroot/other"), victim.resolve("none"));
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> WriterLock.acquire(new RootFs(dir), Duration.ZERO))
        .isInstanceOf(NetrootException.class)
        .hasMessage(lockFile() + " is a symbolic link; netroot does not write through links");

    Files.delete(lockFile());
    Files.createSymbolicLink(lockFile(), victim.resolve("created-through-the-link"));
    assertThatThrownBy(() -> WriterLock.acquire(new RootFs(dir), Duration.ZERO))
        .hasMessageContaining("is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aLinkedStateDirectoryIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("var/lib"));
    Files.createSymbolicLink(dir.resolve("var/lib/netroot"), victim);

    assertThatThrownBy(() -> WriterLock.acquire(new RootFs(dir), Duration.ZERO))
        .hasMessage(
            dir.resolve("var/lib/netroot")
                + " is a symbolic link; netroot does not write through links");
    try (Stream<Path> files = Files.list(victim)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aSecondHolderInThisProcessWaitsAndIsToldWhoHoldsIt() {
    try (WriterLock first = WriterLock.acquire(new RootFs(dir), Duration.ZERO)) {
      assertThatThrownBy(() -> WriterLock.acquire(new RootFs(dir), Duration.ofMillis(200)))
          .isInstanceOf(NetrootException.class)
          .hasMessageContaining("another netroot (pid " + ProcessHandle.current().pid() + ")")
          .hasMessageContaining("waited 0.2 s");
    }
    try (WriterLock again = WriterLock.acquire(new RootFs(dir), Duration.ZERO)) {
      assertThat(lockFile()).exists();
    }
  }

  @Test
  void theLockIsNotInheritedByProgramsNetrootRuns() throws Exception {
    try (WriterLock lock = WriterLock.acquire(new RootFs(dir), Duration.ZERO)) {
      String fd = descriptorOf(lockFile());
      String flags =
          Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
              .filter(l -> l.startsWith("flags:"))
              .findFirst()
              .orElseThrow()
              .substring("flags:".length())
              .trim();
      assertThat(Integer.parseInt(flags, 8) & 02000000).as("O_CLOEXEC").isNotZero();
    }
  }

  private static String descriptorOf(Path file) throws Exception {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).equals(file)) {
            return fd.getFileName().toString();
          }
        } catch (java.io.IOException gone) {
          // the listing's own descriptor
        }
      }
    }
    throw new AssertionError("no descriptor open on " + file);
  }
}
