package io.netroot.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@link BenchRunner} fills: each measured step printed as one line when it is done, and
 * at the end the whole table in Markdown, with how each step grows from one fleet size to the next.
 */
final class BenchReport {

  private final PrintWriter out;
  private final List<Row> rows = new ArrayList<>();

  BenchReport(PrintWriter out) {
    this.out = out;
  }

  /** One measured step. */
  record Row(int hosts, String step, List<Long> nanos, long heapBytes, long rssKb, String note) {
    double median() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int n = sorted.length;
      return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e9;
    }

    double min() {
      return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e9;
    }

    double max() {
      return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e9;
    }
  }

  /** Adds a row and prints it at once, as one line. */
  void add(Row row) {
    rows.add(row);
    out.printf(
        Locale.ROOT,
        "%7s  %-38s %8.3f s  (%s runs, %.3f–%.3f)  heap %s  RSS %s%n",
        row.hosts() == 0 ? "-" : Integer.toString(row.hosts()),
        row.step(),
        row.median(),
        row.nanos().size(),
        row.min(),
        row.max(),
        mb(row.heapBytes() < 0 ? -1 : row.heapBytes() / 1024),
        mb(row.rssKb()));
    out.flush();
  }

  private static String mb(long kb) {
    return kb < 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
  }

  /** Every row so far as a Markdown table, then how each step grows between sizes. */
  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| hosts | step | median | runs (min–max) | peak heap | peak RSS |\n");
    md.append("|---:|---|---:|---|---:|---:|\n");
    for (Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.3f s | %d (%.3f–%.3f)%s | %s | %s |%n",
              row.hosts() == 0 ? "–" : String.format(Locale.ROOT, "%,d", row.hosts()),
              row.step(),
              row.median(),
              row.nanos().size(),
              row.min(),
              row.max(),
              row.note().isEmpty() ? "" : "; " + row.note(),
              mb(row.heapBytes() < 0 ? -1 : row.heapBytes() / 1024),
              mb(row.rssKb())));
    }
    md.append(ratios());
    return md.toString();
  }

  /** How each step grows from one size to the next: linear means the ratio of the sizes. */
  private String ratios() {
    List<Integer> sizes = rows.stream().map(Row::hosts).filter(h -> h > 0).distinct().toList();
    if (sizes.size() < 2) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n| step |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int i = 1; i < sizes.size(); i++) {
      md.append(String.format(Locale.ROOT, " %,d → %,d |", sizes.get(i - 1), sizes.get(i)));
      rule.append("---:|");
    }
    md.append('\n').append(rule).append('\n');
    List<String> steps =
        rows.stream().filter(r -> r.hosts() > 0).map(Row::step).distinct().toList();
    for (String step : steps) {
      md.append("| ").append(step).append(" |");
      for (int i = 1; i < sizes.size(); i++) {
        Row a = find(sizes.get(i - 1), step);
        Row b = find(sizes.get(i), step);
        md.append(
            a == null || b == null
                ? " – |"
                : String.format(
                    Locale.ROOT,
                    " %.1f× (hosts %.0f×) |",
                    b.median() / a.median(),
                    (double) sizes.get(i) / sizes.get(i - 1)));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private Row find(int hosts, String step) {
    return rows.stream()
        .filter(r -> r.hosts() == hosts && r.step().equals(step))
        .findFirst()
        .orElse(null);
  }
}
