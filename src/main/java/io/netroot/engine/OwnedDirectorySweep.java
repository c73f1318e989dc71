package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.os.AtomicFile;
import io.netroot.os.RootFs;
import io.netroot.os.TreeWalk;
import io.netroot.state.Backups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds files in owned directories that no spec produces, and removes them when pruning. Nothing is
 * followed: an owned directory that is (or is reached through) a symbolic link is not swept, as its
 * files' resources already fail for it, and a link inside one is an unexpected file, removed as the
 * link it is.
 */
final class OwnedDirectorySweep {

  private static final Logger log = LoggerFactory.getLogger(OwnedDirectorySweep.class);

  private final RootFs root;
  private final Backups backups;
  private final Options options;

  OwnedDirectorySweep(RootFs root, Backups backups, Options options) {
    this.root = root;
    this.backups = backups;
    this.options = options;
  }

  List<Unexpected> sweep(List<OwnedDirectory> directories, Set<String> managedPaths) {
    List<Unexpected> found = new ArrayList<>();
    for (OwnedDirectory directory : directories) {
      Path real = root.resolve(directory.path());
      try {
        if (!root.isDirectory(directory.path())) {
          continue;
        }
      } catch (NetrootException e) {
        log.debug("{}: not swept: {}", directory.path(), e.getMessage());
        continue;
      }
      // Only the entries no spec produces are looked up and sorted, not every managed file.
      TreeWalk.Result walk;
      try {
        walk =
            TreeWalk.walk(
                real,
                Integer.MAX_VALUE,
                // a killed run's temporary file is not a stranger: the apply's start removes it
                p ->
                    !AtomicFile.isTemp(p.getFileName().toString())
                        && !managedPaths.contains(root.serverPath(p)));
      } catch (IOException e) {
        throw new NetrootException("cannot list " + directory.path() + ": " + e.getMessage(), e);
      }
      List<Path> files = walk.found().stream().map(TreeWalk.Found::path).sorted().toList();
      for (Path file : files) {
        found.add(prune(root.serverPath(file), file));
      }
      if (!options.dryRun()) {
        // kernels removed from the specs leave their images/<name>/ directory behind
        removeEmptyDirectories(directory.path(), walk.directories());
      }
    }
    return found;
  }

  private Unexpected prune(String path, Path file) {
    if (!options.prune() || options.dryRun()) {
      return new Unexpected(path, options.prune(), null);
    }
    Backups.Entry backup = backups.save(path, "not produced by any spec; removed by apply --prune");
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + path + ": " + AtomicFile.describe(e), e);
    }
    return new Unexpected(path, true, backup);
  }

  /** Removes the directories of a walk that are empty now, the deepest first. */
  private static void removeEmptyDirectories(String owned, List<Path> directories) {
    for (Path dir : directories.stream().sorted(Comparator.reverseOrder()).toList()) {
      try (Stream<Path> children = Files.list(dir)) {
        if (children.findAny().isEmpty()) {
          Files.delete(dir);
        }
      } catch (NoSuchFileException e) {
        // gone meanwhile
      } catch (IOException e) {
        throw new NetrootException("cannot tidy " + owned + ": " + e.getMessage(), e);
      }
    }
  }
}
