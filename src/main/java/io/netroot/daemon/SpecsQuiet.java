package io.netroot.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * When the specs directory last changed: an editor's save in pieces, a {@code git checkout} still
 * writing. Each look lists every file and directory under it (name, size, time, inode); a listing
 * unlike the last one is a change seen now. The first look takes the newest modification time (at
 * most now), so an agent restarted long after the last edit finds the specs quiet at once. {@code
 * .git} is left out: git writes there without changing the specs.
 */
final class SpecsQuiet {

  private final Path dir;
  private final Clock clock;
  private List<String> listing;
  private Instant lastChange;

  SpecsQuiet(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Looks at the directory now and tells when it last changed. */
  synchronized Instant lastChange() {
    Instant now = clock.instant();
    List<String> seen;
    Instant newest;
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths =
          walk.filter(p -> !dir.relativize(p).toString().matches("(.*/)?\\.git(/.*)?"))
              .sorted()
              .toList();
      newest = Instant.EPOCH;
      List<String> entries = new java.util.ArrayList<>(paths.size());
      for (Path p : paths) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        Instant modified = a.lastModifiedTime().toInstant();
        newest = modified.isAfter(newest) ? modified : newest;
        // a directory's size follows its entries, .git's among them
        long size = a.isDirectory() ? 0 : a.size();
        entries.add(dir.relativize(p) + " " + size + " " + modified + " " + a.fileKey());
      }
      seen = entries;
    } catch (IOException | UncheckedIOException e) {
      // a file went while we looked: the directory is changing
      listing = null;
      lastChange = now;
      return now;
    }
    if (lastChange == null) {
      lastChange = newest.isAfter(now) ? now : newest;
    } else if (!seen.equals(listing)) {
      lastChange = now;
    }
    listing = seen;
    return lastChange;
  }
}
