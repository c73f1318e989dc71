package io.netroot.daemon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches directories and fires once things have been quiet for a moment: an editor's save, or a
 * {@code git checkout} of many files, is one change, not dozens.
 */
final class DebouncedWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DebouncedWatch.class);

  private final String name;
  private final Duration debounce;
  private final Predicate<Path> relevant;
  private final Consumer<Set<Path>> fire;
  private final WatchService service;
  private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
  private final Thread thread;

  /**
   * @param fire told, once things are quiet, which relevant paths changed; {@code null} when the
   *     watch lost events (an overflow) and cannot say
   */
  DebouncedWatch(
      String name, Duration debounce, Predicate<Path> relevant, Consumer<Set<Path>> fire) {
    this.name = name;
    this.debounce = debounce;
    this.relevant = relevant;
    this.fire = fire;
    try {
      this.service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new IllegalStateException("cannot watch files: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::loop, "netroot-watch-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Watches exactly these directories (those that exist) from now on. */
  void watch(Set<Path> directories) {
    for (Path dir : Set.copyOf(keys.keySet())) {
      if (!directories.contains(dir)) {
        keys.remove(dir).cancel();
      }
    }
    for (Path dir : directories) {
      if (!keys.containsKey(dir) && Files.isDirectory(dir)) {
        try {
          keys.put(
              dir,
              dir.register(
                  service,
                  StandardWatchEventKinds.ENTRY_CREATE,
                  StandardWatchEventKinds.ENTRY_DELETE,
                  StandardWatchEventKinds.ENTRY_MODIFY));
        } catch (IOException | ClosedWatchServiceException e) {
          log.debug("cannot watch {}: {}", dir, e.toString());
        }
      }
    }
  }

  /** A directory and every directory beneath it, to watch a whole tree. */
  static Set<Path> directoriesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isDirectory).collect(java.util.stream.Collectors.toSet());
    } catch (IOException | java.io.UncheckedIOException e) {
      return Set.of(dir);
    }
  }

  private void loop() {
    long dueAt = -1;
    Set<Path> changed = new java.util.HashSet<>();
    boolean lost = false;
    try {
      while (true) {
        WatchKey key = service.poll(50, TimeUnit.MILLISECONDS);
        if (key != null) {
          Path dir = (Path) key.watchable();
          for (WatchEvent<?> event : key.pollEvents()) {
            boolean overflow = event.kind() == StandardWatchEventKinds.OVERFLOW;
            Path path = overflow ? null : dir.resolve((Path) event.context());
            if (overflow || relevant.test(path)) {
              log.debug("{}: {} {}", name, event.kind(), overflow ? dir : event.context());
              dueAt = System.nanoTime() + debounce.toNanos();
              if (overflow) {
                lost = true;
              } else {
                changed.add(path);
              }
            }
          }
          key.reset();
        }
        if (dueAt != -1 && System.nanoTime() - dueAt >= 0) {
          dueAt = -1;
          fire.accept(lost ? null : Set.copyOf(changed));
          changed.clear();
          lost = false;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // closing anyway
    }
    thread.interrupt();
  }
}
