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
 * The roots of the kills of apply, made ahead of their trials: a copy of the older tree takes about
 * a second, which its trial would otherwise spend before its apply starts. A thread of its own
 * makes them one at a time in the trials' order, at most {@code ahead} beyond the last one taken
 * (so only a few roots are on disk at once), and removes the roots of finished trials.
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
  private final int ahead;
  private final List<Wanted> wanted = new ArrayList<>();
  private final List<Future<Duration>> making = new ArrayList<>();
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
   * @param ahead how many roots beyond the one taken are made ahead
   */
  RootSupply(Path scratch, List<Path> starts, Path dir, int ahead) {
    this.scratch = scratch;
    this.ahead = ahead;
    for (int i = 0; i < starts.size(); i++) {
      wanted.add(new Wanted(starts.get(i), dir.resolve("trial-" + i)));
    }
  }

  /**
   * Trial {@code trial}'s root, once made; the next {@code ahead} are started too. Each trial takes
   * its own root once.
   */
  Made take(int trial) {
    Future<Duration> made;
    synchronized (this) {
      while (making.size() < Math.min(wanted.size(), trial + 1 + ahead)) {
        Wanted next = wanted.get(making.size());
        making.add(thread.submit(() -> make(next)));
      }
      made = making.get(trial);
    }
    long started = System.nanoTime();
    Duration took = Workers.await(made);
    return new Made(wanted.get(trial).root(), took, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Removes trial {@code trial}'s root, after what is being made now. */
  void remove(int trial) {
    Path root = wanted.get(trial).root();
    thread.submit(() -> Roots.delete(root));
  }

  private Duration make(Wanted root) {
    long started = System.nanoTime();
    Roots.copy(scratch, root.start(), root.root());
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Finishes the removals asked for, and the copies started; the roots left stay. */
  @Override
  public void close() {
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
