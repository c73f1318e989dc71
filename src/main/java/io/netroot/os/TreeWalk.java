package io.netroot.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A walk of a directory tree that looks up the attributes of as few entries as it can: those the
 * caller asks about by name, and those that may be directories. Nothing is followed: a link is an
 * entry like any other, never descended.
 *
 * <p>A directory whose link count is 2 has no subdirectory (each subdirectory's {@code ..} adds one
 * link), so its entries need no {@code lstat} to be told apart from directories; only the ones the
 * caller wants are looked up. A directory with any other count (more subdirectories, or a file
 * system that does not count them, such as btrfs with its 1) has every entry looked up. This is the
 * leaf optimisation of {@code find}. Owned directories hold thousands of host files and no
 * subdirectory, so a sweep of them costs one {@code lstat} per directory rather than one per file.
 *
 * <p>Should a file system report 2 for a directory that has subdirectories, the walk misses what is
 * below them; the sweeps that use it then find fewer strangers, and remove nothing they should not.
 */
public final class TreeWalk {

  /** An entry the caller wanted that is not a directory, with its own attributes. */
  public record Found(Path path, BasicFileAttributes attributes) {}

  /** What a walk found. */
  public record Result(List<Found> found, List<Path> directories) {}

  private final Predicate<Path> wanted;
  private final int maxDepth;
  private final List<Found> found = new ArrayList<>();
  private final List<Path> directories = new ArrayList<>();

  private TreeWalk(Predicate<Path> wanted, int maxDepth) {
    this.wanted = wanted;
    this.maxDepth = maxDepth;
  }

  /**
   * Walks {@code top} (itself not reported) down to {@code maxDepth} levels (1: its own entries).
   *
   * @param wanted asked of each entry's path before any lookup; the entries it accepts that are not
   *     directories are returned, in the order the directories list them
   * @return those entries, and the directories below {@code top} that were walked
   * @throws NoSuchFileException when {@code top} is not there
   * @throws NotDirectoryException when it is not a directory
   * @throws IOException when a directory cannot be listed
   */
  public static Result walk(Path top, int maxDepth, Predicate<Path> wanted) throws IOException {
    TreeWalk walk = new TreeWalk(wanted, maxDepth);
    walk.directory(top, 1);
    return new Result(walk.found, walk.directories);
  }

  private void directory(Path dir, int depth) throws IOException {
    boolean mayHaveSubdirectories = depth < maxDepth && linkCount(dir) != 2;
    List<Path> below = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        boolean asked = wanted.test(entry);
        if (!asked && !mayHaveSubdirectories) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          continue; // gone meanwhile
        }
        if (attributes.isDirectory()) {
          if (depth < maxDepth) {
            below.add(entry);
          }
        } else if (asked) {
          found.add(new Found(entry, attributes));
        }
      }
    }
    for (Path sub : below) {
      directories.add(sub);
      try {
        directory(sub, depth + 1);
      } catch (NoSuchFileException | NotDirectoryException e) {
        // removed or replaced meanwhile: nothing of it to walk
      }
    }
  }

  /** The directory's link count, or -1 when the file system does not say. */
  private static int linkCount(Path dir) {
    try {
      return ((Number) Files.getAttribute(dir, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }
}
