package io.netroot.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every entry of a directory tree, without following a symlink: its type, mode, owner and either
 * the sha256 of its bytes, its link target or its device number. Two snapshots are equal exactly
 * when nothing under the tree was created, removed, replaced, rewritten or re-moded. FIFOs and
 * devices are described, never opened, so a snapshot cannot hang.
 *
 * @param entries relative path to description
 */
record Tree(Map<String, String> entries) {

  /**
   * Takes a snapshot of {@code dir}, leaving out the entries at the relative paths in {@code skip}
   * and everything under them.
   */
  static Tree of(Path dir, Set<String> skip) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        String key = dir.relativize(p).toString();
        if (skip.stream().anyMatch(s -> key.equals(s) || key.startsWith(s + "/"))) {
          continue;
        }
        entries.put(key.isEmpty() ? "." : key, describe(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Tree(entries);
  }

  static Tree of(Path dir) {
    return of(dir, Set.of());
  }

  private static String describe(Path p) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(p, "unix:mode,uid,gid,rdev,size", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    String head = "mode %o uid %s gid %s".formatted(mode, a.get("uid"), a.get("gid"));
    return switch (mode & 0170000) {
      case 0040000 -> "dir " + head;
      case 0120000 -> "symlink -> " + Files.readSymbolicLink(p) + " " + head;
      case 0100000 -> "file " + a.get("size") + " bytes sha256 " + sha256(p) + " " + head;
      default -> "special rdev " + a.get("rdev") + " " + head;
    };
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What differs from {@code before}, one line per entry; empty when nothing does. */
  List<String> changesSince(Tree before) {
    Set<String> keys = new TreeSet<>(before.entries.keySet());
    keys.addAll(entries.keySet());
    List<String> changes = new ArrayList<>();
    for (String key : keys) {
      String was = before.entries.get(key);
      String now = entries.get(key);
      if (was == null) {
        changes.add("created " + key + ": " + now);
      } else if (now == null) {
        changes.add("removed " + key + " (was " + was + ")");
      } else if (!was.equals(now)) {
        changes.add("changed " + key + ": " + was + " => " + now);
      }
    }
    return changes;
  }

  /** The regular files under {@code dir} (no symlink followed) whose bytes contain {@code text}. */
  static List<Path> filesContaining(Path dir, String text) {
    byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && indexOf(Files.readAllBytes(p), needle) >= 0) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
