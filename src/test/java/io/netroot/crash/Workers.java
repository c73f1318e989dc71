package io.netroot.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The harness's fixed pool of threads: {@code size} pieces of work at once (trials, each on a root
 * of its own, or the uninterrupted applies that time them), taken in the order they were given. A
 * failure is rethrown as it was thrown, by whoever waits for that piece of work.
 */
final class Workers implements AutoCloseable {

  private final int size;
  private final ExecutorService threads;

  Workers(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one worker, not " + size);
    }
    this.size = size;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            size,
            work -> {
              Thread thread = new Thread(work, "crash-worker-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** How many pieces of work run at once. */
  int size() {
    return size;
  }

  <T> Future<T> submit(Callable<T> work) {
    return threads.submit(work);
  }

  /** Runs every piece of {@code work}, {@link #size} at once; their results in the same order. */
  <T> List<T> all(List<Callable<T>> work) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> each : work) {
      futures.add(submit(each));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(await(future));
    }
    return results;
  }

  /**
   * The result of {@code future} once it is there; what the work threw is rethrown as it is when
   * unchecked, wrapped otherwise.
   */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    }
  }

  /**
   * Stops the workers: what still runs is interrupted (a trial then kills its processes) and waited
   * for, so that no process outlives the harness.
   */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("crash workers still running after 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the workers", e);
    }
  }
}
