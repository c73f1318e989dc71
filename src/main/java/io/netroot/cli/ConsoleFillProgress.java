package io.netroot.cli;

import io.netroot.catalog.FillProgress;
import java.io.PrintStream;

/**
 * Shows the filling of a root image as one line that updates in place, about twice a second, and
 * the build of one as the lines its builder prints.
 */
final class ConsoleFillProgress implements FillProgress {

  private static final long EVERY_NANOS = 500_000_000L;

  private final PrintStream err;
  private long lastShown;

  ConsoleFillProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void copied(String image, long done, long total) {
    boolean last = done == total;
    long now = System.nanoTime();
    if (!last && now - lastShown < EVERY_NANOS) {
      return;
    }
    lastShown = now;
    String amount =
        total > 0 ? "%d%% of %s".formatted(done * 100 / total, size(total)) : size(done);
    err.print("\rfilling " + image + ": " + amount + (last ? "\n" : ""));
    err.flush();
  }

  @Override
  public void building(String image, String line) {
    err.println("building " + image + ": " + line);
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return "%.1f GiB".formatted(bytes / (double) (1L << 30));
    }
    return "%.1f MiB".formatted(bytes / (double) (1L << 20));
  }
}
