package io.netroot.daemon;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Whether a long step of a pass is working: CPU time spent since the last question by the loop's
 * thread, or by any program the agent runs ({@code tar} and {@code gzip} filling an image, a
 * checker). A thread or program blocked on I/O that never comes spends none.
 */
final class CpuProgress implements BooleanSupplier {

  /** Below the kernel's accounting tick (10 ms): noise, not work. */
  private static final long MIN_NANOS = 1_000_000;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long threadId;
  private long threadCpu = -1;
  private Map<Long, Long> programs = Map.of();

  CpuProgress(Thread loop) {
    this.threadId = loop.getId();
  }

  @Override
  public synchronized boolean getAsBoolean() {
    boolean worked = false;
    long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
    if (cpu >= 0 && threadCpu >= 0 && cpu - threadCpu >= MIN_NANOS) {
      worked = true;
    }
    threadCpu = cpu;
    Map<Long, Long> now = new HashMap<>();
    ProcessHandle.current()
        .descendants()
        .forEach(p -> p.info().totalCpuDuration().ifPresent(d -> now.put(p.pid(), d.toNanos())));
    for (Map.Entry<Long, Long> e : now.entrySet()) {
      Long before = programs.get(e.getKey());
      // a program started since the last question is a step of its own
      if (before == null || e.getValue() - before >= MIN_NANOS) {
        worked = true;
      }
    }
    programs = now;
    return worked;
  }
}
