package io.netroot.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a root holds, file by file: each relative path with the sha256 and mode of its content.
 * netroot's own directory ({@code var/lib/netroot}: state, lock, backups) is left out of {@link
 * #files}, since it is not part of the converged tree; netroot's temporary files are listed apart
 * in {@link #temps}, wherever they are.
 *
 * @param files relative path to version, for every file and symlink outside var/lib/netroot
 * @param temps relative paths of netroot's temporary files, var/lib/netroot included
 */
record TreeSnapshot(Map<String, Version> files, Set<String> temps) {

  /** netroot's own directory, relative to the root. */
  static final String STATE_DIR = "var/lib/netroot";

  /** The name {@code AtomicFile.createTemp} gives a temporary file: {@code .NAME.netroot-HEX}. */
  static final Pattern TEMP = Pattern.compile("\\..+\\.netroot-[0-9a-f]+");

  /** One version of one file: what it holds (or points to) and its permissions. */
  record Version(String sha256, String mode) {
    @Override
    public String toString() {
      return sha256.substring(0, Math.min(12, sha256.length())) + " " + mode;
    }
  }

  static TreeSnapshot empty() {
    return new TreeSnapshot(Map.of(), Set.of());
  }

  /** Reads every file under {@code root}; an absent root is empty. */
  static TreeSnapshot of(Path root) {
    if (!Files.isDirectory(root)) {
      return empty();
    }
    Map<String, Version> files = new TreeMap<>();
    Set<String> temps = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (path.equals(root)) {
          continue;
        }
        String rel = root.relativize(path).toString();
        if (TEMP.matcher(path.getFileName().toString()).matches()) {
          temps.add(rel);
        } else if (!rel.equals(STATE_DIR) && !rel.startsWith(STATE_DIR + "/")) {
          Version version = version(path);
          if (version != null) {
            files.put(rel, version);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tree " + root, e);
    }
    return new TreeSnapshot(files, temps);
  }

  private static Version version(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      return new Version("link:" + Files.readSymbolicLink(path), "");
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    String mode =
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    return new Version(sha256(Files.readAllBytes(path)), mode);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The temporary files left where a daemon reads: anywhere but netroot's own directory. */
  List<String> tempsWhereDaemonsRead() {
    return temps.stream().filter(t -> !t.startsWith(STATE_DIR + "/")).toList();
  }

  /**
   * The files whose bytes are neither as {@code before} nor as {@code after} had them: torn, or
   * something netroot never meant to write. A path absent from one side may be absent now.
   */
  List<String> neitherVersion(TreeSnapshot before, TreeSnapshot after) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Version> file : files.entrySet()) {
      String path = file.getKey();
      String now = file.getValue().sha256();
      if (!now.equals(sha(before, path)) && !now.equals(sha(after, path))) {
        out.add(path + " (" + file.getValue() + ")");
      }
    }
    return out;
  }

  private static String sha(TreeSnapshot tree, String path) {
    Version version = tree.files.get(path);
    return version == null ? null : version.sha256();
  }

  /** Every path that differs from {@code expected}, each with how; empty when they match. */
  List<String> differencesFrom(TreeSnapshot expected) {
    List<String> out = new ArrayList<>();
    Set<String> paths = new TreeSet<>(files.keySet());
    paths.addAll(expected.files.keySet());
    for (String path : paths) {
      Version now = files.get(path);
      Version want = expected.files.get(path);
      if (now == null) {
        out.add(path + " missing");
      } else if (want == null) {
        out.add(path + " not expected");
      } else if (!now.equals(want)) {
        out.add(path + " is " + now + ", expected " + want);
      }
    }
    return out;
  }
}
