package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place rewrite itself; that it is chosen only when the directory is read-only is shown by
 * {@code io.netroot.cli.UnitSandboxIT}, which needs a read-only mount.
 */
class InPlaceRewriteTest {

  @TempDir Path dir;
  RootFs root;
  Path exports;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(dir);
    exports = dir.resolve("etc/exports");
    Files.createDirectories(exports.getParent());
    Files.writeString(exports, "a much longer old content than the new one\n");
    Files.setPosixFilePermissions(exports, FileModes.parse("0640"));
  }

  @Test
  void theNewContentGoesThroughTheSameInodeAndNoCopyIsLeft() throws Exception {
    Object inode = Files.getAttribute(exports, "unix:ino");
    Path staged = InPlaceRewrite.stage(dir, exports, "new\n".getBytes());
    FileModes.set(staged, FileModes.parse("0644"));
    assertThat(staged).startsWith(dir.resolve("var/lib/netroot/in-place/etc"));
    assertThat(InPlaceRewrite.isStaged(staged, exports)).isTrue();

    InPlaceRewrite.commit(staged, exports);

    assertThat(exports).hasContent("new");
    assertThat(Files.getAttribute(exports, "unix:ino")).isEqualTo(inode);
    assertThat(Files.getPosixFilePermissions(exports)).isEqualTo(FileModes.parse("0644"));
    try (var left = Files.list(dir.resolve("var/lib/netroot/in-place/etc"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theCopyLeftByAnInterruptedRewriteIsKeptAside() throws Exception {
    Path old = dir.resolve("var/lib/netroot/in-place/etc/.exports.old");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "the file before a crash\n");

    InPlaceRewrite.commit(InPlaceRewrite.stage(dir, exports, "new\n".getBytes()), exports);

    assertThat(exports).hasContent("new");
    assertThat(old.resolveSibling(".exports.old.interrupted"))
        .hasContent("the file before a crash");
    assertThat(old).doesNotExist();
  }

  @Test
  void aWritableDirectoryNeedsNoNoteAndATempBesideTheFileIsNotStaged() {
    assertThat(InPlaceRewrite.note(root, "/etc/exports")).isEmpty();
    assertThat(InPlaceRewrite.isStaged(dir.resolve("etc/.exports.netroot-1"), exports)).isFalse();
  }
}
