package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netroot.os.ExtendedAttributes;
import io.netroot.os.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filling a root image from a tarball or a directory, once, through {@code agent apply}. */
class RootImageFillTest {

  static final String IMAGE = "/srv/images/filled";

  @TempDir Path dir;
  TestBootServer server;
  Path source;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    source = dir.resolve("source-tree");
    ImageTrees.buildSource(source);
  }

  void imageSpec(String sourceYaml) {
    server.writeSpec(
        "image.yaml",
        """
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: filled}
        spec:
          path: %s
          source: %s
        """
            .formatted(IMAGE, sourceYaml));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-z", "-J", "-j", ""})
  void tarballIsUnpackedKeepingOwnersModesLinksAndDeviceNodes(String compression) throws Exception {
    Path tarball = ImageTrees.tarball(source, dir.resolve("image.tar"), compression);
    String sha = Sha256.of(Files.readAllBytes(tarball)).hex();
    imageSpec("{tarball: %s, sha256: \"%s\"}".formatted(tarball, sha));

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(ImageTrees.describe(server.file(IMAGE)))
        .containsAllEntriesOf(ImageTrees.describe(source));
    assertThat(ImageTrees.describe(server.file(IMAGE)).get("home/user/notes"))
        .startsWith("mode 100644 uid 1234 gid 1234");
    assertThat(ImageTrees.describe(server.file(IMAGE)).get("usr/bin/su-like"))
        .startsWith("mode 104755")
        .contains("links [usr/bin/hard-su]");
  }

  @Test
  void directorySourceIsCopiedWithEverythingATarballKeeps() throws Exception {
    imageSpec("{directory: %s}".formatted(source));

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(ImageTrees.describe(server.file(IMAGE)))
        .containsAllEntriesOf(ImageTrees.describe(source));
  }

  @Test
  void theFillIsNotRepeatedAndTheSecondPlanIsEmpty() throws Exception {
    Path tarball = ImageTrees.tarball(source, dir.resolve("image.tgz"), "-z");
    imageSpec("{tarball: %s}".formatted(tarball));
    assertThat(server.agent("apply").exit()).isZero();
    Files.writeString(server.file(IMAGE + "/etc/added-after-the-fill"), "kept\n");
    Files.delete(tarball);

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("nothing to change");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(server.file(IMAGE + "/etc/added-after-the-fill")).hasContent("kept");
  }

  @Test
  void pinnedChecksumMismatchInstallsNothingAndNamesBothHashes() throws Exception {
    Path tarball = ImageTrees.tarball(source, dir.resolve("image.tgz"), "-z");
    String actual = Sha256.of(Files.readAllBytes(tarball)).hex();
    String pinned = "0".repeat(64);
    imageSpec("{tarball: %s, sha256: \"%s\"}".formatted(tarball, pinned));

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out()).contains(actual).contains(pinned);
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out()).contains(actual).contains(pinned).contains("nothing extracted");
    assertThat(server.file(IMAGE)).doesNotExist();
    assertThat(server.file(IMAGE + "/etc/fstab")).doesNotExist();
  }

  @Test
  void nonEmptyImageNetrootDidNotFillIsRefusedInPlanAndApply() throws Exception {
    Path tarball = ImageTrees.tarball(source, dir.resolve("image.tgz"), "-z");
    imageSpec("{tarball: %s}".formatted(tarball));
    Files.createDirectories(server.file(IMAGE + "/etc"));
    Files.writeString(server.file(IMAGE + "/etc/hostname"), "somebody's\n");

    TestBootServer.Run plan = server.agent("plan");
    TestBootServer.Run apply = server.agent("apply");

    for (TestBootServer.Run run : new TestBootServer.Run[] {plan, apply}) {
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out())
          .contains("netroot never overwrites a non-empty image it did not fill")
          .contains("empty the directory")
          .contains("remove spec.source");
    }
    assertThat(server.file(IMAGE + "/etc/hostname")).hasContent("somebody's");
    assertThat(server.file(IMAGE + "/etc/fstab")).doesNotExist();
  }

  @Test
  void imageFilledFromAnotherSourceIsNotRefilled() throws Exception {
    Path first = ImageTrees.tarball(source, dir.resolve("first.tgz"), "-z");
    imageSpec("{tarball: %s}".formatted(first));
    assertThat(server.agent("apply").exit()).isZero();
    Path second = ImageTrees.tarball(source, dir.resolve("second.tar"), "");
    imageSpec("{tarball: %s}".formatted(second));

    TestBootServer.Run plan = server.agent("plan");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out())
        .contains("filled from tarball " + first)
        .contains(second.toString())
        .contains("will not refill");
  }

  /** Gives the source's ping a capability, a user attribute and an ACL, as a distribution does. */
  Path decoratedPing() throws Exception {
    Path ping = source.resolve("usr/bin/ping");
    Files.writeString(ping, "#!/bin/sh\n");
    ExtendedAttributes.run("chmod", "0755", ping.toString());
    ExtendedAttributes.decorate(ping);
    return ping;
  }

  void assertDecoratedPing() {
    Path ping = server.file(IMAGE + "/usr/bin/ping");
    assertThat(ExtendedAttributes.capabilities(ping)).isEqualTo(ExtendedAttributes.CAPABILITY);
    assertThat(ExtendedAttributes.attribute(ping, "user.netroot-test")).isEqualTo("kept");
    assertThat(ExtendedAttributes.acl(ping)).contains("user:4321:r--");
  }

  @Test
  void tarballMadeWithXattrsKeepsCapabilitiesAttributesAndAcls() throws Exception {
    decoratedPing();
    Path tarball = dir.resolve("image.tar.xz");
    ExtendedAttributes.run(
        "tar", "--xattrs", "--acls", "-C", source.toString(), "-cJf", tarball.toString(), ".");
    imageSpec("{tarball: %s}".formatted(tarball));

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertDecoratedPing();
  }

  @Test
  void directorySourceKeepsCapabilitiesAttributesAndAcls() throws Exception {
    decoratedPing();
    imageSpec("{directory: %s}".formatted(source));

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertDecoratedPing();
  }

  @Test
  void fifoNamedAsTheTarballFailsPlanAndApplyAtOnce() throws Exception {
    Path fifo = dir.resolve("image.tar");
    ExtendedAttributes.run("mkfifo", fifo.toString());
    imageSpec("{tarball: %s}".formatted(fifo));

    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String command : new String[] {"plan", "apply"}) {
            TestBootServer.Run run = server.agent(command);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out())
                .contains("source tarball " + fifo + " is a FIFO, not a regular file");
          }
        });
    assertThat(server.file(IMAGE)).doesNotExist();
  }

  @Test
  void stageLeftByAnInterruptedFillIsRemovedByTheNextApply() throws Exception {
    Path stale = server.file("/srv/images/.filled.netroot-fill-0123456789ab/root/etc");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("half-written"), "half\n");
    imageSpec("{directory: %s}".formatted(source));

    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    try (var beside = Files.list(server.file("/srv/images"))) {
      assertThat(beside).containsExactly(server.file(IMAGE));
    }
    assertThat(server.file(IMAGE + "/etc/half-written")).doesNotExist();
  }
}
