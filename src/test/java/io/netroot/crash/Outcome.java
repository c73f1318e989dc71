package io.netroot.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one kill left, by property of the issue. Empty lists and {@code null} strings mean the
 * property held.
 *
 * @param scenario the scenario's name
 * @param delay how long after its start the process was killed
 * @param killedJvm whether the kill hit the JVM, not the launcher before its {@code exec java}
 * @param finishedFirst whether the process had already ended when the kill came
 * @param torn files whose bytes were neither the old nor the new version
 * @param tempsAfterKill netroot's temporary files right after the kill
 * @param tempsAfterNextApply netroot's temporary files after the next run
 * @param dhcpdRejects what {@code dhcpd -t} said against the dhcpd.conf after the kill
 * @param stateError why the state did not load after the kill
 * @param falseHandEdits files drift called edited by hand that hold netroot's own write
 * @param notConverged how the tree after the next run differs from an uninterrupted apply's
 * @param lostHandEdits hand edits neither in their file nor in {@code agent backups}
 * @param owedServiceActions the service actions the pending-service journal held after the kill
 */
record Outcome(
    String scenario,
    Duration delay,
    boolean killedJvm,
    boolean finishedFirst,
    List<String> torn,
    Set<String> tempsAfterKill,
    Set<String> tempsAfterNextApply,
    String dhcpdRejects,
    String stateError,
    List<String> falseHandEdits,
    List<String> notConverged,
    List<String> lostHandEdits,
    List<String> owedServiceActions) {

  /**
   * The temporary files right after the kill that a daemon could read (outside var/lib/netroot).
   */
  long tempsWhereDaemonsRead() {
    return tempsAfterKill.stream().filter(t -> !t.startsWith(TreeSnapshot.STATE_DIR + "/")).count();
  }

  /** One line for the report of a trial that broke a property. */
  String describe() {
    return scenario
        + ", killed after "
        + delay.toMillis()
        + " ms"
        + (finishedFirst ? " (it had ended)" : killedJvm ? "" : " (before the JVM started)");
  }

  /** Collects what a trial finds, check by check. */
  static final class Builder {
    private final String scenario;
    private final Duration delay;
    private final boolean killedJvm;
    private final boolean finishedFirst;
    final List<String> torn = new ArrayList<>();
    final Set<String> tempsAfterKill = new TreeSet<>();
    final Set<String> tempsAfterNextApply = new TreeSet<>();
    String dhcpdRejects;
    String stateError;
    final List<String> falseHandEdits = new ArrayList<>();
    final List<String> notConverged = new ArrayList<>();
    final List<String> lostHandEdits = new ArrayList<>();
    final List<String> owedServiceActions = new ArrayList<>();

    Builder(String scenario, Duration delay, boolean killedJvm, boolean finishedFirst) {
      this.scenario = scenario;
      this.delay = delay;
      this.killedJvm = killedJvm;
      this.finishedFirst = finishedFirst;
    }

    Outcome build() {
      return new Outcome(
          scenario,
          delay,
          killedJvm,
          finishedFirst,
          List.copyOf(torn),
          Collections.unmodifiableSet(new TreeSet<>(tempsAfterKill)),
          Collections.unmodifiableSet(new TreeSet<>(tempsAfterNextApply)),
          dhcpdRejects,
          stateError,
          List.copyOf(falseHandEdits),
          List.copyOf(notConverged),
          List.copyOf(lostHandEdits),
          List.copyOf(owedServiceActions));
    }
  }
}
