package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWalkTest {

  @TempDir Path dir;

  private static List<String> names(TreeWalk.Result result, Path top) {
    return result.found().stream().map(f -> top.relativize(f.path()).toString()).sorted().toList();
  }

  @Test
  void reportsTheWantedEntriesThatAreNotDirectoriesAtEveryDepth() throws IOException {
    Files.writeString(dir.resolve("a.want"), "x");
    Files.writeString(dir.resolve("b.skip"), "x");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/c.want"), "x");
    Files.writeString(dir.resolve("sub/deeper/d.want"), "x");
    Files.createDirectory(dir.resolve("sub/e.want")); // a directory by a wanted name

    TreeWalk.Result result =
        TreeWalk.walk(dir, Integer.MAX_VALUE, p -> p.toString().endsWith(".want"));

    assertThat(names(result, dir)).containsExactly("a.want", "sub/c.want", "sub/deeper/d.want");
    assertThat(result.directories())
        .extracting(p -> dir.relativize(p).toString())
        .containsExactlyInAnyOrder("sub", "sub/deeper", "sub/e.want");
    assertThat(result.found()).allMatch(f -> f.attributes().isRegularFile());
  }

  @Test
  void aLeafDirectoryStillFindsItsWantedFiles() throws IOException {
    // link count 2: no subdirectory, so only the wanted entries are looked up
    for (int i = 0; i < 50; i++) {
      Files.writeString(dir.resolve("host" + i), "x");
    }
    Files.writeString(dir.resolve(".host7.netroot-abc"), "x");
    assertThat(Files.getAttribute(dir, "unix:nlink")).isEqualTo(2);

    TreeWalk.Result result =
        TreeWalk.walk(dir, Integer.MAX_VALUE, p -> p.getFileName().toString().startsWith("."));

    assertThat(names(result, dir)).containsExactly(".host7.netroot-abc");
    assertThat(result.directories()).isEmpty();
  }

  @Test
  void stopsAtTheDepthAsked() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("top"), "x");
    Files.writeString(dir.resolve("sub/below"), "x");

    TreeWalk.Result result = TreeWalk.walk(dir, 1, p -> true);

    assertThat(names(result, dir)).containsExactly("top");
    assertThat(result.directories()).isEmpty();
  }

  @Test
  void neverFollowsALink() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("victim.want"), "x");
    Path top = Files.createDirectories(dir.resolve("top"));
    Files.createSymbolicLink(top.resolve("link.want"), outside);
    Files.createDirectories(top.resolve("sub")); // not a leaf: every entry is looked up
    Files.createSymbolicLink(top.resolve("sub/dirlink"), outside);

    TreeWalk.Result result =
        TreeWalk.walk(top, Integer.MAX_VALUE, p -> p.toString().endsWith(".want"));

    assertThat(names(result, top)).containsExactly("link.want");
    assertThat(result.found().get(0).attributes().isSymbolicLink()).isTrue();
    assertThat(result.directories()).containsExactly(top.resolve("sub"));
  }

  @Test
  void aMissingOrNonDirectoryTopIsAnError() throws IOException {
    assertThatThrownBy(() -> TreeWalk.walk(dir.resolve("none"), 1, p -> true))
        .isInstanceOf(NoSuchFileException.class);
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> TreeWalk.walk(file, 1, p -> true))
        .isInstanceOf(NotDirectoryException.class);
  }
}
