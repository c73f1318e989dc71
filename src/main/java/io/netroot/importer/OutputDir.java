package io.netroot.importer;

import io.netroot.NetrootException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The specs directory an import writes: it must not hold files the import would replace (unless
 * {@code --force}) nor other spec files, which netroot would load with the imported ones. The files
 * are made in a staging directory beside it and moved in once they load.
 */
final class OutputDir {

  private OutputDir() {}

  /** Every file the import may write. */
  static Set<String> ours() {
    Set<String> ours = new HashSet<>(SpecCheck.FILES.values());
    ours.add(Importer.REPORT);
    return ours;
  }

  /**
   * @throws NetrootException when {@code out} is not a directory, holds other spec files, or holds
   *     files of an import and {@code force} is not set
   */
  static void checkFree(Path out, boolean force) {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new NetrootException(out + " is not a directory");
    }
    List<String> taken = new ArrayList<>();
    List<String> others = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (ours().contains(name)) {
          taken.add(name);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml") || Files.isDirectory(p)) {
          others.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    taken.sort(null);
    others.sort(null);
    if (!others.isEmpty()) {
      throw new NetrootException(
          out
              + " holds other spec files or directories ("
              + String.join(", ", others)
              + "), which netroot would load with the imported ones; give an empty directory");
    }
    if (!taken.isEmpty() && !force) {
      throw new NetrootException(
          out
              + " already holds "
              + String.join(", ", taken)
              + "; nothing was written (use --force to replace them)");
    }
  }

  /** A new empty directory beside {@code out} to write into first. */
  static Path staging(Path out) {
    try {
      Path parent = out.getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + out.getFileName() + ".import-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the staged files into {@code out}; with {@code force}, an import's old files go. */
  static void publish(Path staging, Path out, boolean force) throws IOException {
    Files.createDirectories(out);
    Set<String> staged = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
      for (Path p : entries) {
        staged.add(p.getFileName().toString());
      }
    }
    if (force) {
      for (String name : ours()) {
        if (!staged.contains(name)) {
          Files.deleteIfExists(out.resolve(name));
        }
      }
    }
    for (String name : staged) {
      if (force) {
        Files.move(
            staging.resolve(name),
            out.resolve(name),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        // fails rather than replace a file that appeared since the check
        Files.move(staging.resolve(name), out.resolve(name));
      }
    }
  }
}
