package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.os.RootFs;
import io.netroot.os.VictimDir;
import io.netroot.spec.RootImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a fill inspects, fills and, after a failure, empties its image, never through a link. */
class ImageFillTest {

  static final String IMAGE = "/srv/images/node";

  @TempDir Path dir;
  @TempDir Path victims;
  RootFs root;
  Path source;
  Map<String, String> before;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(Files.createDirectories(dir.resolve("root")));
    source = Files.createDirectories(dir.resolve("source/etc"));
    Files.writeString(source.resolve("hostname"), "node\n");
    Files.writeString(victims.resolve("keep"), "victim\n");
    before = VictimDir.snapshot(victims);
  }

  ImageFill fromDirectory() {
    return new ImageFill(
        IMAGE, new RootImage.Source(null, null, dir.resolve("source")), null, FillProgress.NONE);
  }

  Path image() {
    return root.resolve(IMAGE);
  }

  @Test
  void realLostAndFoundAloneCountsAsEmpty() throws Exception {
    Files.createDirectories(image().resolve("lost+found"));

    assertThat(fromDirectory().observe(root)).isEmpty();
  }

  @Test
  void lostAndFoundThatIsALinkMakesTheImageNotEmpty() throws Exception {
    Files.createDirectories(image());
    Files.createSymbolicLink(image().resolve("lost+found"), victims);

    assertThatThrownBy(() -> fromDirectory().observe(root))
        .hasMessageContaining("is not empty and netroot did not fill it");
  }

  @Test
  void imagePathThatIsALinkIsNeitherInspectedNorFilled() throws Exception {
    Files.createDirectories(image().getParent());
    Files.createSymbolicLink(image(), victims);
    ImageFill fill = fromDirectory();
    String refusal = "root image " + IMAGE + " is a symbolic link (to " + victims + ")";

    assertThatThrownBy(() -> fill.observe(root)).hasMessageContaining(refusal);
    assertThatThrownBy(() -> fill.write(root, fill.desired())).hasMessageContaining(refusal);
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
  }

  @Test
  void failedFillLeavesTheImageEmptyAndTouchesNothingOutside() throws Exception {
    Path tree = dir.resolve("source");
    Files.createDirectories(tree.resolve("usr/lib"));
    Files.createSymbolicLink(tree.resolve("lib"), Path.of("usr/lib"));
    Files.createSymbolicLink(tree.resolve("escape"), victims);
    byte[] big = new byte[1 << 20];
    new Random(7).nextBytes(big);
    Files.write(tree.resolve("zz-big"), big);
    Path tarball = dir.resolve("cut.tar");
    Process pack =
        new ProcessBuilder(
                List.of(
                    "tar",
                    "-C",
                    tree.toString(),
                    "-cf",
                    tarball.toString(),
                    "etc",
                    "usr",
                    "lib",
                    "escape",
                    "zz-big"))
            .inheritIO()
            .start();
    assertThat(pack.waitFor()).isZero();
    try (RandomAccessFile cut = new RandomAccessFile(tarball.toFile(), "rw")) {
      cut.setLength(cut.length() / 2);
    }
    Files.createDirectories(image().resolve("lost+found"));
    ImageFill fill =
        new ImageFill(IMAGE, new RootImage.Source(tarball, null, null), null, FillProgress.NONE);

    assertThatThrownBy(() -> fill.write(root, fill.desired()))
        .hasMessageContaining("tar could not unpack");

    try (var entries = Files.list(image())) {
      assertThat(entries).containsExactly(image().resolve("lost+found"));
    }
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
  }
}
