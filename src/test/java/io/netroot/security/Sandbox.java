package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One attack's world, all under one temporary directory {@code T}:
 *
 * <ul>
 *   <li>{@code T/specs}: the seed's specs ({@code boot.yaml}, {@code hosts.yaml}) and a made-up
 *       kernel, for the attack to edit;
 *   <li>{@code T/syslinux}: made-up bootloader files;
 *   <li>{@code T/root}: the {@code --root} netroot manages;
 *   <li>{@code T/victims}: files and directories outside the root that nothing may touch;
 *   <li>{@code T/tmp}, {@code T/out}: the JVM's temporary files and the runs' output.
 * </ul>
 *
 * <p>{@code bin/agent} runs {@link Confined}: everything outside {@code T} is read-only to it.
 */
final class Sandbox {

  static final String BOOT = "boot.yaml";
  static final String HOSTS = "hosts.yaml";
  static final String IMAGE = "/storage/diskless/cent55_root";
  static final String TFTP = "/var/lib/tftpboot";
  static final String HOST_PXE = TFTP + "/pxelinux.cfg/01-08-00-2b-4c-59-23";
  static final String KERNEL = "kernels/vmlinuz-nfs1";
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * A victim dhcpd.conf that {@code dhcpd -t} accepts with netroot's block added, so that the
   * checker does not stop a write that escaped.
   */
  static final String DHCPD_VICTIM = "# the admin's own dhcpd.conf\nauthoritative;\n";

  static final Path AGENT = Path.of("bin/agent").toAbsolutePath();

  private static final List<String> BOOTLOADER_FILES =
      List.of(
          "pxelinux.0",
          "ldlinux.c32",
          "menu.c32",
          "libutil.c32",
          "libcom32.c32",
          "syslinux.efi",
          "ldlinux.e64");

  final Path dir;
  final Path specs;
  final Path root;
  final Path victims;
  final Path bootloader;
  private final Confined confined;

  Sandbox(Path dir) {
    assertThat(Path.of("target/netroot.jar")).as("the jar bin/agent runs (mvn package)").exists();
    this.dir = dir.toAbsolutePath();
    this.specs = this.dir.resolve("specs");
    this.root = this.dir.resolve("root");
    this.victims = this.dir.resolve("victims");
    this.bootloader = this.dir.resolve("syslinux");
    this.confined = new Confined(this.dir);
    try {
      Files.createDirectories(specs.resolve("kernels"));
      Files.createDirectories(root);
      Files.createDirectories(victims);
      Files.createDirectories(bootloader);
      for (String file : BOOTLOADER_FILES) {
        Files.writeString(bootloader.resolve(file), "bootloader file " + file + "\n");
      }
      Files.write(specs.resolve(KERNEL), new byte[] {0x4d, 0x5a, 0, 1, 2, 3});
      Files.writeString(
          specs.resolve(BOOT), resource(BOOT).replace("BOOTLOADER", bootloader.toString()));
      Files.writeString(specs.resolve(HOSTS), resource(HOSTS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Replaces {@code old} in a spec file. It must be there: an edit that silently missed would turn
   * an attack into a benign run that passes.
   */
  void editSpec(String name, String old, String replacement) {
    String text = read(specs.resolve(name));
    assertThat(text).as("spec %s to edit", name).contains(old);
    write(specs.resolve(name), text.replace(old, replacement));
  }

  /** Appends documents to a spec file. */
  void appendSpec(String name, String yaml) {
    write(specs.resolve(name), read(specs.resolve(name)) + "---\n" + yaml);
  }

  /** The 1-based lines of a spec file on which {@code needle} appears; there must be one. */
  int[] linesOf(String name, String needle) {
    List<String> lines = read(specs.resolve(name)).lines().toList();
    int[] found =
        java.util.stream.IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).contains(needle))
            .map(i -> i + 1)
            .toArray();
    assertThat(found).as("lines of spec %s holding %s", name, needle).isNotEmpty();
    return found;
  }

  /** Where a server path lies under the root. */
  Path file(String serverPath) {
    return root.resolve(serverPath.substring(1));
  }

  Path image() {
    return file(IMAGE);
  }

  /** A victim file outside the root, with its parents. */
  Path victim(String relative, String content) {
    Path file = victims.resolve(relative);
    write(file, content);
    return file;
  }

  /** A victim directory outside the root. */
  Path victimDir(String relative) {
    try {
      return Files.createDirectories(victims.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A symlink {@code link -> target}, with the link's parents created. */
  static Path symlink(Path link, Path target) {
    try {
      Files.createDirectories(link.getParent());
      return Files.createSymbolicLink(link, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a setup command (mkfifo, chmod) unconfined; it must succeed. */
  void sh(String... command) {
    Confined.Run run = confined(Duration.ofSeconds(30), List.of(command));
    assertThat(run.exit()).as("setup command" + run.show()).isZero();
  }

  /** {@code bin/agent COMMAND --specs T/specs --root T/root --services none ARGS}, confined. */
  Confined.Run agent(String command, String... args) {
    return agent(TIMEOUT, command, args);
  }

  Confined.Run agent(Duration timeout, String command, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                AGENT.toString(),
                command,
                "--specs",
                specs.toString(),
                "--root",
                root.toString(),
                "--services",
                "none"));
    all.addAll(List.of(args));
    return confined(timeout, all);
  }

  Confined.Run confined(Duration timeout, List<String> command) {
    return confined.run(timeout, command);
  }

  /** Everything in the sandbox but the root and the runs' scratch: specs, sources, victims. */
  Tree outside() {
    return Tree.of(dir, Set.of("root", "tmp", "out"));
  }

  /**
   * Everything under the root but the lock file, which every apply rewrites with its PID before it
   * knows whether there is anything to do.
   */
  Tree rootTree() {
    return Tree.of(root, Set.of("var/lib/netroot/lock"));
  }
}
