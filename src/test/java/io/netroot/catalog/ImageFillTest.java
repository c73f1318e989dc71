package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netroot.os.CommandRunner;
import io.netroot.os.ExtendedAttributes;
import io.netroot.os.RootFs;
import io.netroot.os.Tar;
import io.netroot.os.VictimDir;
import io.netroot.spec.RootImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

  Path tarballOf(Path tree, String... entries) throws Exception {
    Path tarball = dir.resolve("image-" + entries.length + ".tar");
    List<String> command = new ArrayList<>(List.of("tar", "-C", tree.toString(), "-cf"));
    command.add(tarball.toString());
    command.addAll(List.of(entries));
    ExtendedAttributes.run(command.toArray(String[]::new));
    return tarball;
  }

  ImageFill fromTarball(Path tarball) {
    return new ImageFill(IMAGE, new RootImage.Source(tarball, null, null), null, FillProgress.NONE);
  }

  /** The names beside the image, in its parent directory. */
  List<String> besideImage() throws Exception {
    try (var names = Files.list(image().getParent())) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void failedFillLeavesNeitherImageNorStageAndTheNextFillSucceeds() throws Exception {
    Path tree = dir.resolve("source");
    byte[] big = new byte[1 << 20];
    new Random(7).nextBytes(big);
    Files.write(tree.resolve("zz-big"), big);
    Path tarball = tarballOf(tree, ".");
    byte[] whole = Files.readAllBytes(tarball);
    Files.write(tarball, Arrays.copyOf(whole, whole.length / 2));
    ImageFill fill = fromTarball(tarball);

    assertThatThrownBy(() -> fill.write(root, fill.desired()))
        .hasMessageContaining("cannot fill " + IMAGE + " from tarball " + tarball)
        .hasMessageContaining("tar could not unpack");
    assertThat(image()).doesNotExist();
    assertThat(besideImage()).isEmpty();
    assertThat(fill.observe(root)).isEmpty();

    Files.write(tarball, whole);
    ImageFill again = fromTarball(tarball);
    again.write(root, again.desired());

    assertThat(image().resolve("zz-big")).hasBinaryContent(big);
    assertThat(again.observe(root).map(Content::asText)).contains(again.desired().asText());
    assertThat(besideImage()).containsExactly("node");
  }

  @Test
  void stageLeftBesideTheImageIsRemovedWithoutFollowingLinksAndTheImageFilled() throws Exception {
    Path parent = Files.createDirectories(image().getParent());
    Path stale =
        Files.createDirectories(parent.resolve(".node.netroot-fill-0123456789ab/root/etc"));
    Files.writeString(stale.resolve("half-written"), "half");
    Files.createSymbolicLink(stale.resolve("escape"), victims);
    Files.createSymbolicLink(stale.resolve("keep"), victims.resolve("keep"));
    Path otherImages = Files.createDirectories(parent.resolve(".node2.netroot-fill-0123456789ab"));
    ImageFill fill = fromDirectory();

    assertThat(fill.observe(root)).isEmpty();
    fill.write(root, fill.desired());

    assertThat(besideImage()).containsExactly(".node2.netroot-fill-0123456789ab", "node");
    assertThat(otherImages).isDirectory();
    assertThat(image().resolve("etc/hostname")).hasContent("node");
    assertThat(image().resolve("etc/half-written")).doesNotExist();
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
  }

  @Test
  void fifoNamedAsTarballFailsPlanAndApplyAtOnceAndCreatesNothing() throws Exception {
    Path fifo = dir.resolve("image.tar");
    ExtendedAttributes.run("mkfifo", fifo.toString());
    ImageFill fill = fromTarball(fifo);
    String refusal = "source tarball " + fifo + " is a FIFO, not a regular file";

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertThatThrownBy(() -> fill.observe(root)).hasMessageStartingWith(refusal);
          assertThatThrownBy(() -> fill.write(root, fill.desired()))
              .hasMessageStartingWith(refusal);
        });
    assertThat(image()).doesNotExist();
  }

  @Test
  void directorySourceThatIsNotADirectoryIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-tree"), "x");
    ImageFill fill =
        new ImageFill(IMAGE, new RootImage.Source(null, null, file), null, FillProgress.NONE);

    assertThatThrownBy(() -> fill.observe(root))
        .hasMessage("source directory " + file + " is not a directory");
  }

  @Test
  void emptyImageDirectoryIsReplacedAndTakesTheModeAndOwnerOfTheSourceTop() throws Exception {
    Files.createDirectories(image());
    ExtendedAttributes.run("chmod", "0700", image().toString());
    ExtendedAttributes.run("chmod", "0751", source.getParent().toString());
    ExtendedAttributes.run("chown", "12:34", source.getParent().toString());
    ImageFill fill = fromDirectory();

    fill.write(root, fill.desired());

    Map<String, Object> top =
        Files.readAttributes(image(), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    assertThat(Integer.toOctalString((Integer) top.get("mode") & 07777)).isEqualTo("751");
    assertThat(top).containsEntry("uid", 12).containsEntry("gid", 34);
    assertThat(image().resolve("etc/hostname")).hasContent("node");
    assertThat(besideImage()).containsExactly("node");
  }

  @Test
  void tarballWithoutATopEntryMakesAnImageOpenToAll() throws Exception {
    ImageFill fill = fromTarball(tarballOf(dir.resolve("source"), "etc"));

    fill.write(root, fill.desired());

    Map<String, Object> top =
        Files.readAttributes(image(), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    assertThat(Integer.toOctalString((Integer) top.get("mode") & 07777)).isEqualTo("755");
    assertThat(top).containsEntry("uid", 0).containsEntry("gid", 0);
  }

  @Test
  void imageFilledByHandDuringTheFillIsNeitherReplacedNorClaimed() throws Exception {
    Path tarball = tarballOf(dir.resolve("source"), ".");
    Path meddler = dir.resolve("tar-meanwhile");
    Files.writeString(
        meddler,
        """
        #!/bin/sh
        mkdir -p '%s/etc' && echo theirs > '%s/etc/hostname'
        exec '%s' "$@"
        """
            .formatted(image(), image(), CommandRunner.find("tar").orElseThrow()));
    ExtendedAttributes.run("chmod", "0755", meddler.toString());
    ImageFill fill =
        new ImageFill(
            IMAGE,
            new RootImage.Source(tarball, null, null),
            null,
            FillProgress.NONE,
            new Tar(meddler));

    assertThatThrownBy(() -> fill.write(root, fill.desired()))
        .hasMessage("root image " + IMAGE + " is no longer empty; the fill was not moved into it");

    assertThat(image().resolve("etc/hostname")).hasContent("theirs");
    assertThat(besideImage()).containsExactly("node");
    assertThatThrownBy(() -> fromTarball(tarball).observe(root))
        .hasMessageContaining("is not empty and netroot did not fill it");
  }

  @Test
  void imageHoldingLostAndFoundIsFilledInPlaceAndKeepsItsLostAndFound() throws Exception {
    Path lostAndFound = Files.createDirectories(image().resolve("lost+found"));
    Object inode = Files.getAttribute(lostAndFound, "unix:ino");
    Object imageInode = Files.getAttribute(image(), "unix:ino");
    Files.createDirectories(source.getParent().resolve("lost+found"));
    Files.writeString(source.getParent().resolve("lost+found/from-the-archive"), "x");
    ExtendedAttributes.run("chmod", "0711", source.getParent().toString());
    ImageFill fill = fromTarball(tarballOf(source.getParent(), "."));

    fill.write(root, fill.desired());

    try (var entries = Files.list(image())) {
      assertThat(entries.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("etc", "lost+found");
    }
    assertThat(Files.getAttribute(image().resolve("lost+found"), "unix:ino")).isEqualTo(inode);
    assertThat(Files.getAttribute(image(), "unix:ino")).isEqualTo(imageInode);
    assertThat(image().resolve("lost+found/from-the-archive")).doesNotExist();
    assertThat(Integer.toOctalString((Integer) Files.getAttribute(image(), "unix:mode") & 07777))
        .isEqualTo("711");
    assertThat(fill.observe(root).map(Content::asText)).contains(fill.desired().asText());
  }

  @Test
  void stageInsideTheImageBeforeItsPointOfNoReturnIsRemovedAndTheImageFilled() throws Exception {
    Files.createDirectories(image().resolve("lost+found"));
    Path stale = Files.createDirectories(image().resolve(".netroot-fill-0123456789ab/root/etc"));
    Files.writeString(stale.resolve("half-written"), "half");
    Files.createSymbolicLink(stale.resolve("escape"), victims);
    ImageFill fill = fromDirectory();

    assertThat(fill.observe(root)).isEmpty();
    fill.write(root, fill.desired());

    try (var entries = Files.list(image())) {
      assertThat(entries.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("etc", "lost+found");
    }
    assertThat(image().resolve("etc/half-written")).doesNotExist();
    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
  }

  @Test
  void fillInterruptedWhileMovingIntoTheImageIsFinishedNotRefused() throws Exception {
    ImageFill fill = fromDirectory();
    Files.createDirectories(image().resolve("lost+found"));
    Files.createDirectories(image().resolve("etc"));
    Files.writeString(image().resolve("etc/hostname"), "node\n");
    Path stage = image().resolve(".netroot-filled-0123456789ab/root");
    Files.createDirectories(stage.resolve("usr/bin"));
    Files.writeString(stage.resolve("usr/bin/tool"), "tool\n");
    ExtendedAttributes.run("chmod", "0750", stage.toString());
    Path marker = root.resolve(ImageFill.MARKERS + "srv%2Fimages%2Fnode");
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, fill.desired().asText());

    assertThat(fill.observe(root)).isEmpty();
    fill.write(root, fill.desired());

    try (var entries = Files.list(image())) {
      assertThat(entries.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("etc", "lost+found", "usr");
    }
    assertThat(image().resolve("usr/bin/tool")).hasContent("tool");
    assertThat(Integer.toOctalString((Integer) Files.getAttribute(image(), "unix:mode") & 07777))
        .isEqualTo("750");
    assertThat(fill.observe(root).map(Content::asText)).contains(fill.desired().asText());
  }
}
