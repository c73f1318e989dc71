package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void createsParentsAndWritesTheContentWithTheMode() throws Exception {
    Path target = dir.resolve("a/b/file");
    AtomicFile.write(target, "hello\n".getBytes(StandardCharsets.UTF_8), FileModes.parse("0640"));
    assertThat(target).hasContent("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void replacingKeepsTheOldModeWhenNoneIsGivenAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("exports");
    Files.writeString(target, "old\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    AtomicFile.write(target, "new\n".getBytes(StandardCharsets.UTF_8), null);
    assertThat(target).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failureLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("conf");
    Files.createDirectory(target); // a directory cannot be replaced by a file rename
    Files.writeString(target.resolve("inside"), "x");
    assertThatThrownBy(() -> AtomicFile.write(target, new byte[] {1}, null))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("cannot write");
    assertThat(target.resolve("inside")).hasContent("x");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void rootPrefixResolvesServerPathsInside() {
    RootFs root = new RootFs(dir);
    assertThat(root.resolve("/etc/exports")).isEqualTo(dir.resolve("etc/exports"));
    assertThat(root.serverPath(dir.resolve("srv/tftp/x"))).isEqualTo("/srv/tftp/x");
    assertThat(root.isPrefix()).isTrue();
    assertThat(RootFs.system().isPrefix()).isFalse();
  }
}
