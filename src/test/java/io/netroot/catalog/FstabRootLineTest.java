package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.DeviceFiles;
import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fstab root line, written inside the image. */
class FstabRootLineTest {

  static final String LINE = "10.0.0.1:/srv/root / nfs rw,tcp 0 0";

  @TempDir Path dir;

  @Test
  void replacedFstabKeepsItsPermissionsButNotItsSetIdBits() throws Exception {
    RootFs root = new RootFs(dir);
    Path fstab = Files.createDirectories(dir.resolve("srv/root/etc")).resolve("fstab");
    Files.writeString(fstab, "proc /proc proc defaults 0 0\n");
    Process chmod = new ProcessBuilder("chmod", "6640", fstab.toString()).start();
    assertThat(chmod.waitFor()).isZero();
    FstabRootLine resource = new FstabRootLine("/srv/root", "root line", LINE, List.of());

    resource.write(root, resource.desired());

    assertThat(fstab).hasContent(LINE + "\nproc /proc proc defaults 0 0");
    assertThat(DeviceFiles.look(fstab).orElseThrow().mode()).isEqualTo(0640);
    assertThat(resource.currentFile(root)).isPresent();
    assertThat(resource.hasRegularFile(root)).isTrue();
  }

  @Test
  void missingFstabIsCreated0644() throws Exception {
    RootFs root = new RootFs(dir);
    FstabRootLine resource = new FstabRootLine("/srv/root", "root line", LINE, List.of());

    assertThat(resource.observe(root)).isEmpty();
    resource.write(root, resource.desired());

    Path fstab = dir.resolve("srv/root/etc/fstab");
    assertThat(fstab).hasContent(LINE);
    assertThat(DeviceFiles.look(fstab).orElseThrow().mode()).isEqualTo(0644);
  }
}
