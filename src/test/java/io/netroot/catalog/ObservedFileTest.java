package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.os.Found;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource kept in a file reads it once per pass: the checker's candidate and the write start
 * from what observe read, and the write refuses a file that changed since.
 */
class ObservedFileTest {

  @TempDir Path rootDir;

  BlockInFile exports() {
    return new BlockInFile(
        "/etc/exports",
        "NFS exports",
        ManagedBlock.HASH_COMMENTS,
        List.of(),
        List.of(),
        null,
        () -> "/srv/a 10.0.0.0/24(ro)\n",
        null);
  }

  @Test
  void theCandidateIsTheObservedFileNotANewRead() throws Exception {
    RootFs root = new RootFs(rootDir);
    Path file = root.resolve("/etc/exports");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "/srv/mine 10.0.0.0/24(ro)\n");
    BlockInFile exports = exports();
    exports.observe(root);
    Files.writeString(file, "/srv/later 10.0.0.0/24(ro)\n");

    String candidate =
        new String(exports.candidate(root, exports.desired()), StandardCharsets.ISO_8859_1);

    assertThat(candidate).startsWith("/srv/mine ").doesNotContain("/srv/later");
    assertThat(exports.observedFile())
        .get()
        .isInstanceOfSatisfying(
            Found.File.class,
            f ->
                assertThat(new String(f.bytes(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("/srv/mine 10.0.0.0/24(ro)\n"));
  }

  @Test
  void aBlockWriteRefusesAFileChangedSinceObserved() throws Exception {
    RootFs root = new RootFs(rootDir);
    Path file = root.resolve("/etc/exports");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "/srv/mine 10.0.0.0/24(ro)\n");
    BlockInFile exports = exports();
    exports.observe(root);
    Files.writeString(file, "/srv/later 10.0.0.0/24(ro)\n");

    assertThatThrownBy(() -> exports.write(root, exports.desired()))
        .isInstanceOf(ChangedOnDiskException.class)
        .hasMessage(
            "/etc/exports changed on disk while netroot was deciding; checked again next pass");
    assertThat(file).hasContent("/srv/later 10.0.0.0/24(ro)\n");

    exports.observe(root);
    exports.write(root, exports.desired());
    assertThat(Files.readString(file)).startsWith("/srv/later ").contains("/srv/a ");
  }

  @Test
  void aFileCreatedSinceObservedAsAbsentIsNotOverwritten() throws Exception {
    RootFs root = new RootFs(rootDir);
    IniKeys keys =
        new IniKeys(
            "/etc/nfs.conf", "nfsd keys", "nfsd", Map.of("vers2", "n"), List.of(), List.of());
    keys.observe(root);
    Path file = root.resolve("/etc/nfs.conf");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[nfsd]\nthreads=16\n");

    assertThatThrownBy(() -> keys.write(root, keys.desired()))
        .isInstanceOf(ChangedOnDiskException.class);
    assertThat(file).hasContent("[nfsd]\nthreads=16\n");
  }

  @Test
  void aWholeFileWriteRefusesAFileChangedSinceObserved() throws Exception {
    RootFs root = new RootFs(rootDir);
    ManagedFile host =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/01-aa", "PXE config", List.of(), () -> "DEFAULT p\n");
    Path file = root.resolve("/srv/tftp/pxelinux.cfg/01-aa");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "DEFAULT old\n");
    host.observe(root);
    Files.writeString(file, "DEFAULT by-hand\n");

    assertThatThrownBy(() -> host.write(root, host.desired()))
        .isInstanceOf(ChangedOnDiskException.class);
    assertThat(file).hasContent("DEFAULT by-hand\n");
  }
}
