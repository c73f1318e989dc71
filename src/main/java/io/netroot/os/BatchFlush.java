package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the data of a {@link FileBatch}'s staged files on disk before any of them is renamed into
 * place: one {@code syncfs} per filesystem they are on, or one fsync per file where the filesystems
 * cannot be known or {@code syncfs} is missing.
 */
final class BatchFlush {

  /** Logged as the batch's own steps, as before the flush had a class of its own. */
  private static final Logger log = LoggerFactory.getLogger(FileBatch.class);

  private static final int ENOSYS = 38;

  /** Flushes the filesystem a file is on; a seam so that a failing disk can be played in tests. */
  interface Flusher {
    void syncfs(Path onStore);
  }

  /** The real flush: {@code syncfs(2)} on a descriptor of the directory. */
  static final Flusher SYNCFS = BatchFlush::syncfs;

  private BatchFlush() {}

  /** One {@code syncfs} through {@code flusher} per filesystem the files are on. */
  static void byFilesystem(List<StagedFile> written, Flusher flusher) {
    Map<FileStore, Path> stores = new LinkedHashMap<>();
    try {
      // Finding a file's store reads the mount table: once per directory, not per file.
      Set<Path> dirs = new LinkedHashSet<>();
      for (StagedFile s : written) {
        Path dir = s.target().toAbsolutePath().getParent();
        if (dirs.add(dir)) {
          stores.putIfAbsent(Files.getFileStore(dir), dir.resolve("."));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("filesystems unknown ({}); flushing each file", e.toString());
      eachFile(written);
      return;
    }
    for (Path onStore : stores.values()) {
      try {
        flusher.syncfs(onStore);
      } catch (LinkageError | UnsupportedOperationException e) {
        log.debug("syncfs unavailable ({}); flushing each file", e.toString());
        eachFile(written);
        return;
      } catch (LastErrorException e) {
        if (e.getErrorCode() == ENOSYS) {
          eachFile(written);
          return;
        }
        throw new NetrootException(
            "cannot flush " + onStore.getParent() + " to disk: " + AtomicFile.describe(e), e);
      }
    }
  }

  /** One fsync per file. */
  static void eachFile(List<StagedFile> written) {
    written.forEach(StagedFile::force);
  }

  private static void syncfs(Path onStore) {
    LibC c = LibC.get();
    int fd = c.open(onStore.toString(), LibC.O_RDONLY);
    try {
      c.syncfs(fd);
    } finally {
      c.close(fd);
    }
  }
}
