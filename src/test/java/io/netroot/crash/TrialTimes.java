package io.netroot.crash;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How long the phases of one kill of apply took, for the timing line of the harness.
 *
 * @param copy making the trial's root (a copy of the starting tree, made while the trial before it
 *     ran its checks)
 * @param waitedForCopy how much of that the trial still waited for before its apply could start
 * @param toKill from the start of {@code agent apply} to the kill and the end of the process
 * @param checks the checks of what the kill left: the tree, {@code dhcpd -t}, the kept lines and
 *     {@code agent drift --json}
 * @param nextApply the next apply, in this JVM
 * @param plan the checks after it: the tree, the kept lines, {@code plan --detailed-exitcode} and
 *     {@code agent backups}
 */
record TrialTimes(
    Duration copy,
    Duration waitedForCopy,
    Duration toKill,
    Duration checks,
    Duration nextApply,
    Duration plan) {

  /** The mean of each phase over {@code times}; all zero when there are none. */
  static TrialTimes average(List<TrialTimes> times) {
    return new TrialTimes(
        mean(times, TrialTimes::copy),
        mean(times, TrialTimes::waitedForCopy),
        mean(times, TrialTimes::toKill),
        mean(times, TrialTimes::checks),
        mean(times, TrialTimes::nextApply),
        mean(times, TrialTimes::plan));
  }

  private static Duration mean(List<TrialTimes> times, Function<TrialTimes, Duration> phase) {
    return times.stream()
        .map(phase)
        .reduce(Duration.ZERO, Duration::plus)
        .dividedBy(Math.max(1, times.size()));
  }

  /** What a trial spent from taking its root to its last check (the copy itself ran ahead). */
  Duration trial() {
    return waitedForCopy.plus(toKill).plus(checks).plus(nextApply).plus(plan);
  }

  /** The phases on one line, in milliseconds. */
  String describe() {
    return String.format(
        "copy %d ms (waited for %d ms), to the kill %d ms, checks %d ms, next apply %d ms,"
            + " plan %d ms",
        copy.toMillis(),
        waitedForCopy.toMillis(),
        toKill.toMillis(),
        checks.toMillis(),
        nextApply.toMillis(),
        plan.toMillis());
  }
}
