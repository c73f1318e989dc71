package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic replacement of many files at once, with the same guarantee as {@link AtomicFile} for each:
 * a reader or a crash sees the old file or the new one, never part of either. Instead of one fsync
 * per file, the new contents are staged as temporary files, flushed together with one {@code
 * syncfs} per filesystem, then renamed into place, then each directory is flushed once. Every
 * rename still happens only after its file's data is on disk; writing ten thousand PXE files costs
 * a handful of flushes instead of ten thousand.
 *
 * <p>Each file is written by {@link StagedFile}; the flush before the renames is {@link
 * BatchFlush}'s.
 */
public final class FileBatch {

  private static final Logger log = LoggerFactory.getLogger(FileBatch.class);

  /** A file being staged: its target, and its staged content once written (or why not). */
  private record Staged(Path target, CompletableFuture<StagedFile> temp) {}

  /** How many files a batch flushed with syncfs writes at once. */
  private static final int IO_THREADS = 4;

  /** How long an idle I/O thread of a batch waits for more work before it ends. */
  private static final long IO_IDLE_SECONDS = 2;

  private final List<Staged> staged = new ArrayList<>();
  private final UnnamedFile.Budget descriptors = new UnnamedFile.Budget();
  private final boolean syncWholeFilesystem;
  private BatchFlush.Flusher flusher = BatchFlush.SYNCFS;

  /**
   * Where the temporary files of a syncfs batch are written: creating thousands of small files is
   * metadata work the disk does in parallel well, so they are written on a few threads while the
   * caller goes on. Made by this batch at its first file ({@code null} until then).
   */
  private Executor io;

  private FileBatch(boolean syncWholeFilesystem) {
    this.syncWholeFilesystem = syncWholeFilesystem;
  }

  /**
   * A batch flushed with one {@code syncfs} per filesystem: for many files at once. It writes on
   * threads of its own, made at its first file, which end once idle for a few seconds.
   */
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
    stage(target, content, mode, directoryReady ? null : StagedFile.NOT_READY);
  }

  private void stage(Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    CompletableFuture<StagedFile> temp =
        syncWholeFilesystem
            ? CompletableFuture.supplyAsync(
                () -> StagedFile.write(target, content, mode, rootDir, descriptors), io())
            : writeNow(target, content, mode, rootDir);
    staged.add(new Staged(target, temp));
  }

  /** This batch's I/O threads, made at the first file that needs them. */
  private Executor io() {
    if (io == null) {
      ThreadPoolExecutor threads =
          new ThreadPoolExecutor(
              IO_THREADS,
              IO_THREADS,
              IO_IDLE_SECONDS,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              runnable -> {
                Thread thread = new Thread(runnable, "netroot-io");
                thread.setDaemon(true);
                return thread;
              });
      threads.allowCoreThreadTimeOut(true);
      io = threads;
    }
    return io;
  }

  private CompletableFuture<StagedFile> writeNow(
      Path target, byte[] content, Set<PosixFilePermission> mode, Path rootDir) {
    try {
      return CompletableFuture.completedFuture(
          StagedFile.write(target, content, mode, rootDir, descriptors));
    } catch (NetrootException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for every staged write; the ones that failed are moved into {@code failures}. */
  private List<StagedFile> written(Map<Path, NetrootException> failures) {
    List<StagedFile> done = new ArrayList<>();
    for (Staged s : staged) {
      try {
        done.add(s.temp().join());
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
    List<StagedFile> written = written(failures);
    try {
      flushData(written);
    } catch (NetrootException e) {
      // Nothing is renamed onto data that may not be on disk; no temporary file stays behind.
      written.forEach(StagedFile::discard);
      written.forEach(w -> failures.put(w.target(), e));
      staged.clear();
      return failures;
    }
    Set<Path> dirs = new LinkedHashSet<>();
    for (StagedFile s : written) {
      try {
        if (s.unnamed() != null) {
          s.unnamed().publish(s.target());
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
        s.discard();
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
    written(new LinkedHashMap<>()).forEach(StagedFile::discard);
    staged.clear();
  }

  /** One syncfs per filesystem the staged files are on, or an fsync of each file. */
  private void flushData(List<StagedFile> written) {
    if (syncWholeFilesystem) {
      BatchFlush.byFilesystem(written, flusher);
    } else {
      BatchFlush.eachFile(written);
    }
  }

  /** The same batch, flushing through {@code flusher}. */
  FileBatch flushingWith(BatchFlush.Flusher flusher) {
    this.flusher = flusher;
    return this;
  }
}
