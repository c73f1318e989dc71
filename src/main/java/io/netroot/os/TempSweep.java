package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the temporary files a killed run left beside the files it was replacing ({@code
 * .NAME.netroot-HEX}, see {@link AtomicFile#isTemp}), and removes them. Nothing is followed: a
 * directory reached through a symbolic link is not looked into, and a link inside one is never
 * descended. Only the writer (an apply, holding the lock) removes: no other netroot is writing
 * then.
 */
public final class TempSweep {

  private static final Logger log = LoggerFactory.getLogger(TempSweep.class);

  private final RootFs root;

  public TempSweep(RootFs root) {
    this.root = root;
  }

  /**
   * The temporary files in the given directories, as server paths, sorted.
   *
   * @param flat directories whose own entries are looked at (the parents of managed files)
   * @param trees directories looked at with everything below them (owned directories, the state)
   * @param remove remove each one found
   * @throws NetrootException when one cannot be removed
   */
  public List<String> sweep(Collection<String> flat, Collection<String> trees, boolean remove) {
    Set<Path> found = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String dir : trees) {
      if (seen.add(dir) && reachable(dir)) {
        collect(root.resolve(dir), Integer.MAX_VALUE, found);
      }
    }
    for (String dir : flat) {
      if (seen.add(dir) && reachable(dir)) {
        collect(root.resolve(dir), 1, found);
      }
    }
    Set<String> paths = new TreeSet<>();
    for (Path temp : found) {
      String path = root.serverPath(temp);
      paths.add(path);
      if (remove) {
        try {
          Files.deleteIfExists(temp);
          log.debug("{}: left by an interrupted run; removed", path);
        } catch (IOException e) {
          throw new NetrootException(
              "cannot remove " + path + ", left by an interrupted run: " + AtomicFile.describe(e),
              e);
        }
      }
    }
    if (remove) {
      found.stream().map(Path::getParent).distinct().forEach(AtomicFile::syncDirectory);
    }
    return new ArrayList<>(paths);
  }

  private boolean reachable(String dir) {
    try {
      return root.isDirectory(dir);
    } catch (NetrootException e) {
      log.debug("{}: not swept for temporary files: {}", dir, e.getMessage());
      return false;
    }
  }

  private static void collect(Path dir, int depth, Set<Path> found) {
    try {
      for (TreeWalk.Found temp :
          TreeWalk.walk(dir, depth, p -> AtomicFile.isTemp(p.getFileName().toString())).found()) {
        // a temporary file is a regular file; a directory by that name is someone else's
        if (temp.attributes().isRegularFile() || temp.attributes().isSymbolicLink()) {
          found.add(temp.path());
        }
      }
    } catch (NoSuchFileException e) {
      // gone meanwhile: nothing left in it
    } catch (IOException e) {
      log.debug("{}: not swept for temporary files: {}", dir, e.getMessage());
    }
  }
}
