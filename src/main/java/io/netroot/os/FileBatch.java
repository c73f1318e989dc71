package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /** A file being staged: its target, and its staged content once written (or why not). */
  private record Staged(Path target, CompletableFuture<Content> temp) {}

  /**
   * New content waiting for the commit: an unnamed file in the target's directory, or a named
   * temporary file (a filesystem without unnamed files, too many open, or an in-place rewrite).
   */
  private record Content(UnnamedFile unnamed, Path temp) {
    void discard() {
      if (unnamed != null) {
        unnamed.discard();
      }
      AtomicFile.deleteQuietly(temp);
    }
  }

  /**
   * Creating thousands of small files is metadata work the disk does in parallel well, so a batch
   * flushed with syncfs writes its temporary files on a few threads while the caller goes on.
   */
  private static final class Io {
    static final ExecutorService POOL =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "netroot-io");
              thread.setDaemon(true);
              return thread;
            });
  }

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

  /**
   * Writes {@code content} to a temporary file beside {@code target}; nothing is replaced yet.
   * Missing parent directories are created 0755. A write that fails is reported by {@link #commit}
   * for that target.
   */
  public void stage(Path target, byte[] content, Set<PosixFilePermission> mode) {
    stage(target, content, mode, false);
  }

  /**
   * As {@link #stage}, for a target whose directory {@link RootFs} has already made sure of. When
   * that directory refuses a temporary file, the target is rewritten in place ({@link
   * InPlaceRewrite}, its copies kept under {@code rootDir}).
   */
  void stageInto(Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    stage(target, content, mode, rootDir);
  }

  private void stage(
      Path target, byte[] content, Set<PosixFilePermission> mode, boolean directoryReady) {
    stage(target, content, mode, directoryReady ? null : NOT_READY);
  }

  /** Marks a stage whose directories are still to be made (and which has no in-place fallback). */
  private static final Path NOT_READY = Path.of("");

  private void stage(Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    CompletableFuture<Content> temp =
        syncWholeFilesystem
            ? CompletableFuture.supplyAsync(
                () -> writeTemp(target, content, mode, rootDir), Io.POOL)
            : writeNow(target, content, mode, rootDir);
    staged.add(new Staged(target, temp));
  }

  private static CompletableFuture<Content> writeNow(
      Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    try {
      return CompletableFuture.completedFuture(writeTemp(target, content, mode, rootDir));
    } catch (NetrootException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Content writeTemp(
      Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    boolean directoryReady = rootDir != NOT_READY;
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      if (!directoryReady) {
        createMissing(dir);
      }
      Set<PosixFilePermission> perms = AtomicFile.modeFor(target, mode);
      // Unnamed until the commit where the filesystem allows: a kill leaves nothing to serve.
      // Otherwise created 0600, written, then given its final mode through a descriptor opened
      // without following links: nobody reads it half-written, and the rename publishes it whole.
      AtomicFile.Temp created;
      try {
        UnnamedFile unnamed = UnnamedFile.create(dir, content, FileModes.toInt(perms));
        if (unnamed != null) {
          return new Content(unnamed, null);
        }
        created = AtomicFile.createTemp(dir, target.getFileName().toString());
      } catch (IOException e) {
        if (!directoryReady || !InPlaceRewrite.applies(target, e)) {
          throw e;
        }
        temp = InPlaceRewrite.stage(rootDir, target, content);
        FileModes.set(temp, perms);
        return new Content(null, temp);
      }
      try (created) {
        temp = created.path();
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          created.channel().write(buffer);
        }
      }
      FileModes.set(temp, perms);
      return new Content(null, temp);
    } catch (IOException e) {
      AtomicFile.deleteQuietly(temp);
      throw new NetrootException("cannot write " + target + ": " + AtomicFile.describe(e), e);
    }
  }

  /** The directories missing above a target named without a root: created 0755. */
  private static void createMissing(Path dir) {
    Path existing = dir;
    while (existing.getParent() != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    LinkFreeDirectories.checkingEachTime().create(existing, dir, null);
  }

  /** Waits for every staged write; the ones that failed are moved into {@code failures}. */
  private List<Written> written(Map<Path, NetrootException> failures) {
    List<Written> done = new ArrayList<>();
    for (Staged s : staged) {
      try {
        done.add(new Written(s.temp().join(), s.target()));
      } catch (CompletionException e) {
        failures.put(
            s.target(),
            e.getCause() instanceof NetrootException n
                ? n
                : new NetrootException("cannot write " + s.target() + ": " + e.getCause(), e));
      }
    }
    return done;
  }

  private record Written(Content content, Path target) {
    Path temp() {
      return content.temp();
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
    List<Written> written = written(failures);
    try {
      flushData(written);
    } catch (NetrootException e) {
      // Nothing is renamed onto data that may not be on disk; no temporary file stays behind.
      written.forEach(w -> w.content().discard());
      written.forEach(w -> failures.put(w.target(), e));
      staged.clear();
      return failures;
    }
    Set<Path> dirs = new LinkedHashSet<>();
    for (Written s : written) {
      try {
        if (s.content().unnamed() != null) {
          s.content().unnamed().publish(s.target());
        } else if (InPlaceRewrite.isStaged(s.temp(), s.target())) {
          InPlaceRewrite.commit(s.temp(), s.target());
          continue;
        } else {
          Files.move(
              s.temp(),
              s.target(),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }
        dirs.add(s.target().toAbsolutePath().getParent());
      } catch (IOException e) {
        s.content().discard();
        failures.put(
            s.target(),
            new NetrootException("cannot write " + s.target() + ": " + AtomicFile.describe(e), e));
      }
    }
    dirs.forEach(AtomicFile::syncDirectory);
    log.debug("committed {} files in {} directories", written.size(), dirs.size());
    staged.clear();
    return failures;
  }

  /** Commits, and throws the first failure if a target could not be replaced. */
  void commitOrThrow() {
    Map<Path, NetrootException> failures = commit();
    if (!failures.isEmpty()) {
      throw failures.values().iterator().next();
    }
  }

  /** Removes every staged temporary file; nothing is replaced. */
  public void abort() {
    written(new LinkedHashMap<>()).forEach(w -> w.content().discard());
    staged.clear();
  }

  /** One syncfs per filesystem the staged files are on, or an fsync of each file. */
  private void flushData(List<Written> written) {
    if (!syncWholeFilesystem) {
      flushEachFile(written);
      return;
    }
    Map<FileStore, Path> stores = new LinkedHashMap<>();
    try {
      // Finding a file's store reads the mount table: once per directory, not per file.
      Set<Path> dirs = new LinkedHashSet<>();
      for (Written s : written) {
        Path dir = s.target().toAbsolutePath().getParent();
        if (dirs.add(dir)) {
          stores.putIfAbsent(Files.getFileStore(dir), dir.resolve("."));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("filesystems unknown ({}); flushing each file", e.toString());
      flushEachFile(written);
      return;
    }
    for (Path onStore : stores.values()) {
      try {
        flusher.syncfs(onStore);
      } catch (LinkageError | UnsupportedOperationException e) {
        log.debug("syncfs unavailable ({}); flushing each file", e.toString());
        flushEachFile(written);
        return;
      } catch (LastErrorException e) {
        if (e.getErrorCode() == ENOSYS) {
          flushEachFile(written);
          return;
        }
        throw new NetrootException(
            "cannot flush " + onStore.getParent() + " to disk: " + AtomicFile.describe(e), e);
      }
    }
  }

  private static final int ENOSYS = 38;

  /** Flushes the filesystem a file is on; a seam so that a failing disk can be played in tests. */
  interface Flusher {
    void syncfs(Path onStore);
  }

  private Flusher flusher = FileBatch::syncfs;

  /** The same batch, flushing through {@code flusher}. */
  FileBatch flushingWith(Flusher flusher) {
    this.flusher = flusher;
    return this;
  }

  private void flushEachFile(List<Written> written) {
    for (Written s : written) {
      if (s.content().unnamed() != null) {
        try {
          s.content().unnamed().force();
        } catch (IOException e) {
          throw new NetrootException(
              "cannot flush " + s.target() + " to disk: " + AtomicFile.describe(e), e);
        }
        continue;
      }
      try (FileChannel channel =
          FileChannel.open(s.temp(), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        channel.force(true);
      } catch (IOException e) {
        throw new NetrootException(
            "cannot flush " + s.target() + " to disk: " + AtomicFile.describe(e), e);
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
