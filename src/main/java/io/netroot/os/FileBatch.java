package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic replacement of many files at once, with the same guarantee as {@link AtomicFile} for each:
 * a reader or a crash sees the old file or the new one, never part of either. Instead of one fsync
 * per file, the new contents are staged as temporary files, flushed together with one {@code
 * syncfs} per filesystem, then renamed into place, then each directory is flushed once. Every
 * rename still happens only after its file's data is on disk; writing ten thousand PXE files costs
 * a handful of flushes instead of ten thousand.
 */
public final class FileBatch {

  private static final Logger log = LoggerFactory.getLogger(FileBatch.class);

  private record Staged(Path temp, Path target) {}

  private final List<Staged> staged = new ArrayList<>();
  private final boolean syncWholeFilesystem;

  private FileBatch(boolean syncWholeFilesystem) {
    this.syncWholeFilesystem = syncWholeFilesystem;
  }

  /** A batch flushed with one {@code syncfs} per filesystem: for many files at once. */
  public static FileBatch flushingFilesystems() {
    return new FileBatch(true);
  }

  /** A batch flushed with one fsync per file: for a few files on a busy filesystem. */
  public static FileBatch flushingEachFile() {
    return new FileBatch(false);
  }

  /** Writes {@code content} to a temporary file beside {@code target}; nothing is replaced yet. */
  public void stage(Path target, byte[] content, Set<PosixFilePermission> mode) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      Set<PosixFilePermission> perms = AtomicFile.modeFor(target, mode);
      temp = AtomicFile.createTemp(dir, target.getFileName().toString());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      Files.setPosixFilePermissions(temp, perms);
      staged.add(new Staged(temp, target));
    } catch (IOException e) {
      AtomicFile.deleteQuietly(temp);
      throw new NetrootException("cannot write " + target + ": " + AtomicFile.describe(e), e);
    }
  }

  public boolean isEmpty() {
    return staged.isEmpty();
  }

  /**
   * Flushes and renames every staged file into place.
   *
   * @return the targets that could not be replaced, each with why; empty when all were
   */
  public Map<Path, NetrootException> commit() {
    Map<Path, NetrootException> failures = new LinkedHashMap<>();
    if (staged.isEmpty()) {
      return failures;
    }
    flushData();
    Set<Path> dirs = new LinkedHashSet<>();
    for (Staged s : staged) {
      try {
        Files.move(
            s.temp(),
            s.target(),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        dirs.add(s.target().toAbsolutePath().getParent());
      } catch (IOException e) {
        AtomicFile.deleteQuietly(s.temp());
        failures.put(
            s.target(),
            new NetrootException("cannot write " + s.target() + ": " + AtomicFile.describe(e), e));
      }
    }
    dirs.forEach(AtomicFile::syncDirectory);
    log.debug("committed {} files in {} directories", staged.size() - failures.size(), dirs.size());
    staged.clear();
    return failures;
  }

  /** Removes every staged temporary file; nothing is replaced. */
  public void abort() {
    staged.forEach(s -> AtomicFile.deleteQuietly(s.temp()));
    staged.clear();
  }

  /** One syncfs per filesystem the staged files are on, or an fsync of each file. */
  private void flushData() {
    if (!syncWholeFilesystem) {
      flushEachFile();
      return;
    }
    Map<FileStore, Path> stores = new LinkedHashMap<>();
    try {
      for (Staged s : staged) {
        stores.putIfAbsent(Files.getFileStore(s.temp()), s.temp());
      }
      for (Path onStore : stores.values()) {
        syncfs(onStore);
      }
    } catch (IOException | NetrootException | LinkageError | UnsupportedOperationException e) {
      log.debug("syncfs unavailable ({}); flushing each file", e.toString());
      flushEachFile();
    }
  }

  private void flushEachFile() {
    for (Staged s : staged) {
      try (FileChannel channel = FileChannel.open(s.temp(), StandardOpenOption.WRITE)) {
        channel.force(true);
      } catch (IOException e) {
        abort();
        throw new NetrootException("cannot flush " + s.target() + ": " + AtomicFile.describe(e), e);
      }
    }
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
