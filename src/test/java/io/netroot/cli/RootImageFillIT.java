package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.CommandRunner;
import io.netroot.os.ExtendedAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root image fills by {@code bin/agent apply} as its own process: killed with SIGKILL in the middle
 * of a fill, and filling an image that is a mount point (in a private mount namespace, so nothing
 * of this machine's mounts changes). Needs root and the jar built by {@code mvn package}.
 */
class RootImageFillIT {

  static final String IMAGE = "/srv/images/filled";

  @TempDir Path dir;
  TestBootServer server;
  Path source;
  final List<ProcessHandle> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    assertThat(Path.of("target/netroot.jar")).as("the jar built by mvn package").exists();
    server = new TestBootServer(dir);
    source = dir.resolve("source-tree");
    ImageTrees.buildSource(source);
    Path bin = Files.createDirectories(source.resolve("usr/bin"));
    Files.writeString(bin.resolve("ping"), "#!/bin/sh\n");
    ExtendedAttributes.run("chmod", "0755", bin.resolve("ping").toString());
    ExtendedAttributes.decorate(bin.resolve("ping"));
  }

  @AfterEach
  void stopWhatWasStarted() {
    // only the processes this test started, by their id
    started.forEach(ProcessHandle::destroyForcibly);
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

  List<String> agent(String... args) {
    List<String> command = new ArrayList<>(List.of("env", "NETROOT_CDS=off", "bin/agent"));
    command.addAll(List.of(args));
    command.addAll(
        List.of("--specs", server.specs.toString(), "--root", server.root.toString(), "--no-diff"));
    return command;
  }

  CommandRunner.Result run(List<String> command) throws Exception {
    return new CommandRunner(300).run(command);
  }

  @Test
  void fillKilledMidwayLeavesNoHalfImageAndTheNextApplyFillsIt() throws Exception {
    byte[] big = new byte[8 << 20];
    new Random(11).nextBytes(big);
    Files.write(source.resolve("zz-big"), big);
    Path tarball = dir.resolve("image.tar");
    ExtendedAttributes.run(
        "tar", "--xattrs", "--acls", "-C", source.toString(), "-cf", tarball.toString(), ".");
    imageSpec("{tarball: %s}".formatted(tarball));
    // tar that unpacks the first 2 MB, then waits: the agent is then in the middle of the fill
    Path bin = Files.createDirectories(dir.resolve("slowbin"));
    Path stalled = dir.resolve("stalled");
    Files.writeString(
        bin.resolve("tar"),
        """
        #!/bin/sh
        case " $* " in
          *" -xpf "*) head -c 2000000 | '%1$s' "$@"; touch '%2$s'; exec sleep 600;;
        esac
        exec '%1$s' "$@"
        """
            .formatted(CommandRunner.find("tar").orElseThrow(), stalled));
    ExtendedAttributes.run("chmod", "0755", bin.resolve("tar").toString());
    List<String> slow =
        new ArrayList<>(List.of("env", "PATH=" + bin + ":" + System.getenv("PATH")));
    slow.addAll(agent("apply"));

    Process apply = new ProcessBuilder(slow).redirectErrorStream(true).start();
    started.add(apply.toHandle());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!Files.exists(stalled)) {
      assertThat(Instant.now()).as("tar started unpacking").isBefore(deadline);
      assertThat(apply.isAlive()).as("the agent is still filling").isTrue();
      Thread.sleep(100);
    }
    List<ProcessHandle> children = apply.descendants().toList();
    started.addAll(children);
    Path parent = server.file(IMAGE).getParent();
    List<Path> stages = list(parent);
    assertThat(stages).hasSize(1);
    assertThat(stages.get(0).getFileName().toString()).startsWith(".filled.netroot-fill-");
    assertThat(list(stages.get(0).resolve("root")))
        .as("part of the fill, in the stage")
        .isNotEmpty();

    apply.destroyForcibly();
    apply.waitFor();
    children.forEach(ProcessHandle::destroyForcibly);

    assertThat(server.file(IMAGE)).as("the image is never half filled").doesNotExist();
    CommandRunner.Result again = run(agent("apply"));
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(list(parent)).containsExactly(server.file(IMAGE));
    assertThat(server.file(IMAGE + "/zz-big")).hasBinaryContent(big);
    assertThat(ExtendedAttributes.capabilities(server.file(IMAGE + "/usr/bin/ping")))
        .isEqualTo(ExtendedAttributes.CAPABILITY);
    CommandRunner.Result plan = run(agent("plan", "--detailed-exitcode"));
    assertThat(plan.exitCode()).as(plan.output()).isZero();
  }

  @Test
  void imageThatIsAMountPointIsFilledInPlace() throws Exception {
    imageSpec("{directory: %s}".formatted(source));
    Path image = Files.createDirectories(server.file(IMAGE));
    Object inode = Files.getAttribute(image, "unix:ino");
    List<String> inNamespace =
        new ArrayList<>(
            List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                "mount --bind \"$0\" \"$0\" && exec \"$@\"",
                image.toString()));
    inNamespace.addAll(agent("apply"));

    CommandRunner.Result apply = run(inNamespace);

    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(Files.getAttribute(image, "unix:ino")).as("the same directory").isEqualTo(inode);
    assertThat(ImageTrees.describe(image)).containsAllEntriesOf(ImageTrees.describe(source));
    assertThat(ExtendedAttributes.capabilities(image.resolve("usr/bin/ping")))
        .isEqualTo(ExtendedAttributes.CAPABILITY);
    assertThat(list(image).stream().map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith(".netroot-fill"));
    assertThat(list(image.getParent())).containsExactly(image);
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }
}
