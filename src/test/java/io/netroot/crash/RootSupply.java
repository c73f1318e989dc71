package io.netroot.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The roots of the kills of apply, made ahead: a copy of the older tree takes about a second, which
 * its trial would otherwise spend before its apply starts. A thread of its own makes the next root
 * when a trial asks for it, once that trial's apply has been killed ({@link #prepareNext}): the
 * copy then runs beside the checks, never beside a killed apply, whose kill moment is drawn over an
 * apply timed without one. The roots of finished trials are removed at the same moments.
 */
final class RootSupply implements AutoCloseable {

  /**
   * A trial's root, ready.
   *
   * @param root the directory, a copy of the scenario's start (or empty)
   * @param took how long making it took
   * @param waited how long the trial waited for it: zero when it was made ahead
   */
  record Made(Path root, Duration took, Duration waited) {}

  /** One root to make: a copy of {@code start}, or an empty directory when that is null. */
  private record Wanted(Path start, Path root) {}

  private final Path scratch;
  private final List<Wanted> wanted = new ArrayList<>();
  private final List<Future<Duration>> making = new ArrayList<>();
  private final List<Path> finished = new ArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread copier = new Thread(work, "crash-roots");
            copier.setDaemon(true);
            return copier;
          });

  /**
   * @param starts each trial's starting tree in the trials' order ({@code null}: an empty root)
   * @param dir where the roots are made, {@code trial-N} for trial N
   */
  RootSupply(Path scratch, List<Path> starts, Path dir) {
    this.scratch = scratch;
    for (int i = 0; i < starts.size(); i++) {
      wanted.add(new Wanted(starts.get(i), dir.resolve("trial-" + i)));
    }
  }

  /** Trial {@code trial}'s root once it is made, made now if nobody asked for it before. */
  Made take(int trial) {
    Future<Duration> made;
    synchronized (this) {
      while (making.size() <= trial) {
        startNext();
      }
      made = making.get(trial);
    }
    long started = System.nanoTime();
    Duration took = Workers.await(made);
    return new Made(wanted.get(trial).root(), took, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Removes the roots of the trials that have ended, then makes the first root nobody has asked for
   * yet, both on the supply's thread.
   */
  synchronized void prepareNext() {
    for (Path root : finished) {
      thread.submit(() -> Roots.delete(root));
    }
    finished.clear();
    if (making.size() < wanted.size()) {
      startNext();
    }
  }

  /** Trial {@code trial} has ended: its root goes at the next {@link #prepareNext} or the close. */
  synchronized void finished(int trial) {
    finished.add(wanted.get(trial).root());
  }

  private void startNext() {
    Wanted next = wanted.get(making.size());
    making.add(
        thread.submit(
            () -> {
              long started = System.nanoTime();
              Roots.copy(scratch, next.start(), next.root());
              return Duration.ofNanos(System.nanoTime() - started);
            }));
  }

  /** Removes the roots of the trials that have ended and waits for what the thread still does. */
  @Override
  public void close() {
    synchronized (this) {
      finished.forEach(root -> thread.submit(() -> Roots.delete(root)));
      finished.clear();
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.MINUTES)) {
        thread.shutdownNow();
        throw new IllegalStateException("crash roots still being made after 5 minutes");
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the crash roots were made", e);
    }
  }
}
