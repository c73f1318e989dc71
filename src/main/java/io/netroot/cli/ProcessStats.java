package io.netroot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hidden {@code --stats} flag: at exit, one line on stderr with the peak heap and the peak RSS
 * of this process, for {@code agent bench run}.
 *
 * <p>The peak heap is the sum of the peak usage of each heap pool (eden, survivor, old). The pools
 * peak at different moments, so the sum is an upper bound of the heap in use at any one time,
 * garbage included. The peak RSS is {@code VmHWM} from {@code /proc/self/status}.
 */
final class ProcessStats {

  /** The line's prefix, which {@code bench run} looks for. */
  static final String PREFIX = "netroot-stats:";

  private ProcessStats() {}

  /** Prints {@link #line} to {@code err} when the JVM exits; called once, by {@link Main#main}. */
  static void installAtExit(PrintStream err) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> err.println(line()), "netroot-stats"));
  }

  static String line() {
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    return PREFIX + " heap_peak_bytes=" + heap + " rss_peak_kb=" + rssPeakKb();
  }

  private static long rssPeakKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no RSS figure
    }
    return -1;
  }
}
