package io.netroot.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The figures of a run of the harness, over all its trials: one summary line for the log and
 * docs/RECONCILE.md, and a file with the breakdown and an example of each broken property.
 */
final class CrashFigures {

  private static final int EXAMPLES = 3;

  private final List<Outcome> outcomes;

  CrashFigures(List<Outcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  List<Outcome> outcomes() {
    return outcomes;
  }

  /** The trials for which {@code broken} holds. */
  List<Outcome> where(Predicate<Outcome> broken) {
    return outcomes.stream().filter(broken).toList();
  }

  /** All the figures on one line. */
  String summary() {
    return String.format(
        "crash figures: %d trials (%s; %d kills hit the JVM, %d came after the process ended),"
            + " torn files %d, temp files right after the kill %s (where daemons read %d),"
            + " temp files after the next run %s, dhcpd -t rejections %d, state load failures %d,"
            + " failures to converge %d, false hand edits %s, hand edits lost %d,"
            + " service actions owed by a journal after the kill %s",
        outcomes.size(),
        byScenario(),
        where(Outcome::killedJvm).size(),
        where(Outcome::finishedFirst).size(),
        sum(o -> o.torn().size()),
        spread(o -> o.tempsAfterKill().size()),
        sum(o -> (int) o.tempsWhereDaemonsRead()),
        spread(o -> o.tempsAfterNextApply().size()),
        where(o -> o.dhcpdRejects() != null).size(),
        where(o -> o.stateError() != null).size(),
        where(o -> !o.notConverged().isEmpty()).size(),
        spread(o -> o.falseHandEdits().size()),
        sum(o -> o.lostHandEdits().size()),
        spread(o -> o.owedServiceActions().size()));
  }

  private String byScenario() {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(Outcome::scenario, java.util.TreeMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  private int sum(Function<Outcome, Integer> count) {
    return outcomes.stream().mapToInt(count::apply).sum();
  }

  /** "N in T trials (max M)": a total, how many trials had any, and the most in one. */
  private String spread(Function<Outcome, Integer> count) {
    int total = sum(count);
    long trials = outcomes.stream().filter(o -> count.apply(o) > 0).count();
    int max = outcomes.stream().mapToInt(count::apply).max().orElse(0);
    return total + " in " + trials + " trials (max " + max + ")";
  }

  /** The summary, then the first few trials that broke each property and what they found. */
  String report() {
    List<String> lines = new ArrayList<>();
    lines.add(summary());
    examples(lines, "torn files", o -> o.torn());
    examples(lines, "temp files right after the kill", o -> List.copyOf(o.tempsAfterKill()));
    examples(lines, "temp files after the next run", o -> List.copyOf(o.tempsAfterNextApply()));
    examples(lines, "dhcpd -t rejections", o -> optional(o.dhcpdRejects()));
    examples(lines, "state load failures", o -> optional(o.stateError()));
    examples(lines, "failures to converge", o -> o.notConverged());
    examples(lines, "false hand edits", o -> o.falseHandEdits());
    examples(lines, "hand edits lost", o -> o.lostHandEdits());
    return String.join("\n", lines) + "\n";
  }

  /** What {@code found} says for the first trials where it says anything, for a failure message. */
  String examples(Function<Outcome, List<String>> found) {
    List<String> lines = new ArrayList<>();
    examples(lines, "", found);
    return String.join("\n", lines);
  }

  private void examples(List<String> lines, String title, Function<Outcome, List<String>> found) {
    List<Outcome> broken = where(o -> !found.apply(o).isEmpty());
    if (broken.isEmpty()) {
      return;
    }
    if (!title.isEmpty()) {
      lines.add(title + ": " + broken.size() + " of " + outcomes.size() + " trials, for example");
    }
    for (Outcome o : broken.subList(0, Math.min(EXAMPLES, broken.size()))) {
      List<String> what = found.apply(o);
      lines.add(
          "  "
              + o.describe()
              + ": "
              + what.size()
              + ", "
              + String.join("; ", what.subList(0, Math.min(EXAMPLES, what.size())))
              + (what.size() > EXAMPLES ? "; …" : ""));
    }
  }

  private static List<String> optional(String value) {
    return value == null ? List.of() : List.of(value);
  }

  /** Writes {@link #report} to {@code file}, then {@code more}. */
  void write(Path file, String more) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, report() + more + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
