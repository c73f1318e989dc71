package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Root image trees for tests: a source tree with everything a root filesystem holds that a naive
 * copy loses (owners, set-id bits, device nodes, fifos, symlinks, hard links), tarballs of it made
 * with GNU tar, and an entry-by-entry description to compare two trees. Needs root, as CI has.
 */
final class ImageTrees {

  private ImageTrees() {}

  /** Builds the source tree under {@code dir}. */
  static void buildSource(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.createDirectories(dir.resolve("usr/bin"));
    Files.createDirectories(dir.resolve("dev"));
    Files.createDirectories(dir.resolve("home/user"));
    Files.writeString(dir.resolve("etc/shadow-like"), "secret\n");
    Files.writeString(dir.resolve("usr/bin/su-like"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("home/user/notes"), "mine\n");
    sh(dir, "chmod", "0600", "etc/shadow-like");
    sh(dir, "chmod", "4755", "usr/bin/su-like");
    sh(dir, "chown", "-R", "1234:1234", "home/user");
    sh(dir, "chmod", "0750", "home/user");
    sh(dir, "ln", "-s", "../usr/bin/su-like", "etc/link-to-su");
    sh(dir, "ln", "usr/bin/su-like", "usr/bin/hard-su");
    sh(dir, "mknod", "-m", "0666", "dev/null", "c", "1", "3");
    sh(dir, "mkfifo", "-m", "0644", "dev/initctl");
  }

  /** Packs {@code dir} with GNU tar; {@code compression} is a tar flag such as -z, or empty. */
  static Path tarball(Path dir, Path out, String compression) throws IOException {
    List<String> command = new ArrayList<>(List.of("tar", "--numeric-owner", "-C", dir.toString()));
    if (!compression.isEmpty()) {
      command.add(compression);
    }
    command.addAll(List.of("-cf", out.toString(), "."));
    run(command);
    return out;
  }

  static void sh(Path dir, String... command) {
    List<String> withDir = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(withDir).directory(dir.toFile());
    run(builder);
  }

  static void run(List<String> command) {
    run(new ProcessBuilder(command));
  }

  private static void run(ProcessBuilder builder) {
    try {
      Process p = builder.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(builder.command() + ": " + out).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every entry under {@code dir} (the top directory excluded) as one line: type, mode, owner,
   * device number, link target, and which other entries share its inode.
   */
  static Map<String, String> describe(Path dir) throws IOException {
    Map<String, Object> inodes = new TreeMap<>();
    Map<String, Map<String, Object>> attributes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        if (p.equals(dir)) {
          continue;
        }
        String key = dir.relativize(p).toString();
        Map<String, Object> a =
            Files.readAttributes(p, "unix:mode,uid,gid,rdev,ino", LinkOption.NOFOLLOW_LINKS);
        attributes.put(key, a);
        inodes.put(key, a.get("ino"));
      }
    }
    Map<String, String> lines = new TreeMap<>();
    attributes.forEach(
        (key, a) -> {
          Path p = dir.resolve(key);
          List<String> sameInode =
              inodes.entrySet().stream()
                  .filter(e -> e.getValue().equals(a.get("ino")) && !e.getKey().equals(key))
                  .map(Map.Entry::getKey)
                  .toList();
          String target;
          try {
            target = Files.isSymbolicLink(p) ? " -> " + Files.readSymbolicLink(p) : "";
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          lines.put(
              key,
              "mode %o uid %s gid %s rdev %s%s links %s"
                  .formatted(
                      a.get("mode"), a.get("uid"), a.get("gid"), a.get("rdev"), target, sameInode));
        });
    return lines;
  }
}
