package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options GNU tar runs with when it fills a root image. */
class TarTest {

  @TempDir Path dir;

  @Test
  void linksAlreadyInTheTargetAreReplacedNotFollowed() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source/etc"));
    Files.writeString(source.resolve("fstab"), "the image's fstab\n");
    Files.writeString(dir.resolve("source/motd"), "hello\n");
    Path tarball = dir.resolve("image.tar");
    Process pack =
        new ProcessBuilder(
                List.of(
                    "tar", "-C", dir.resolve("source").toString(), "-cf", tarball.toString(), "."))
            .inheritIO()
            .start();
    assertThat(pack.waitFor()).isZero();
    Path victims = Files.createDirectories(dir.resolve("victims"));
    Files.writeString(victims.resolve("motd"), "victim\n");
    Map<String, String> before = VictimDir.snapshot(victims);
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("etc"), victims);
    Files.createSymbolicLink(target.resolve("motd"), victims.resolve("motd"));

    new Tar().extract(tarball, target, done -> {});

    assertThat(VictimDir.snapshot(victims)).isEqualTo(before);
    assertThat(target.resolve("etc")).isDirectory().isNotEqualTo(victims);
    assertThat(Files.isSymbolicLink(target.resolve("etc"))).isFalse();
    assertThat(target.resolve("etc/fstab")).hasContent("the image's fstab");
    assertThat(Files.isSymbolicLink(target.resolve("motd"))).isFalse();
    assertThat(target.resolve("motd")).hasContent("hello");
  }

  /** A source tree with a capability, a user attribute and ACLs on a file and a directory. */
  private Path decoratedTree() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree/usr/bin"));
    Path ping = tree.resolve("ping");
    Files.writeString(ping, "#!/bin/sh\n");
    ExtendedAttributes.run("chown", "1234:1234", ping.toString());
    ExtendedAttributes.run("chmod", "0755", ping.toString());
    ExtendedAttributes.decorate(ping);
    ExtendedAttributes.decorateDirectory(tree);
    return dir.resolve("tree");
  }

  private static void assertDecorated(Path target) {
    Path ping = target.resolve("usr/bin/ping");
    assertThat(ExtendedAttributes.capabilities(ping)).isEqualTo(ExtendedAttributes.CAPABILITY);
    assertThat(ExtendedAttributes.attribute(ping, "user.netroot-test")).isEqualTo("kept");
    assertThat(ExtendedAttributes.acl(ping)).contains("user:4321:r--");
    assertThat(ExtendedAttributes.acl(target.resolve("usr/bin"))).contains("default:user:4321:r-x");
  }

  @Test
  void tarballMadeWithXattrsAndAclsKeepsCapabilitiesAttributesAndAcls() throws Exception {
    Path tree = decoratedTree();
    Path tarball = dir.resolve("image.tar.gz");
    ExtendedAttributes.run(
        "tar", "--xattrs", "--acls", "-C", tree.toString(), "-czf", tarball.toString(), ".");
    Path target = Files.createDirectories(dir.resolve("target"));

    new Tar().extract(tarball, target, done -> {});

    assertDecorated(target);
    assertThat(Files.getOwner(target.resolve("usr/bin/ping")).getName()).isEqualTo("1234");
  }

  @Test
  void copiedDirectoryKeepsCapabilitiesAttributesAndAcls() throws Exception {
    Path tree = decoratedTree();
    Path target = Files.createDirectories(dir.resolve("target"));

    new Tar().copyTree(tree, target, done -> {});

    assertDecorated(target);
  }

  @Test
  void fifoNamedAsTarballIsRefusedWithoutWaiting() throws Exception {
    Path fifo = dir.resolve("image.tar");
    ExtendedAttributes.run("mkfifo", fifo.toString());
    Path target = Files.createDirectories(dir.resolve("target"));

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> new Tar().extract(fifo, target, done -> {}))
                .hasMessage(
                    "source tarball "
                        + fifo
                        + " is a FIFO, not a regular file; netroot unpacks only a regular file"
                        + " (reading a FIFO or a device could wait forever)"));
  }

  @Test
  void truncatedTarballFailsWithWhatTarSaid() throws Exception {
    Path tarball = dir.resolve("cut.tar.gz");
    Files.createDirectories(dir.resolve("big"));
    Files.write(
        dir.resolve("big/file"),
        new java.util.Random(3)
            .ints(1 << 18)
            .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> {})
            .toByteArray());
    ExtendedAttributes.run(
        "tar", "-C", dir.resolve("big").toString(), "-czf", tarball.toString(), ".");
    byte[] all = Files.readAllBytes(tarball);
    Files.write(tarball, java.util.Arrays.copyOf(all, all.length / 2));
    Path target = Files.createDirectories(dir.resolve("target"));

    assertThatThrownBy(() -> new Tar().extract(tarball, target, done -> {}))
        .hasMessageStartingWith("tar could not unpack (exit 2)")
        .hasMessageContaining("Unexpected EOF");
  }
}
