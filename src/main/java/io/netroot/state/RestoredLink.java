package io.netroot.state;

import io.netroot.os.AtomicFile;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A symbolic link put back from a backup: made beside its place and renamed over it, so the file
 * there is replaced in one step and nothing is written through a link.
 */
final class RestoredLink {

  private RestoredLink() {}

  static void put(RootFs root, String path, String target) throws IOException {
    Path real = root.resolve(path);
    root.directory(path.substring(0, Math.max(1, path.lastIndexOf('/'))), null);
    Path temp =
        real.resolveSibling(
            "."
                + real.getFileName()
                + ".netroot-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    Files.createSymbolicLink(temp, Path.of(target));
    try {
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    AtomicFile.syncDirectory(real.getParent());
  }
}
