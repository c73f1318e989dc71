package io.netroot.cli;

import io.netroot.catalog.FillProgress;
import io.netroot.catalog.Selection;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.pipeline.Pipeline;
import java.time.Clock;
import java.time.Duration;

/**
 * Load, compile, reconcile: the path every command that looks at the boot server takes, through a
 * fresh {@link Pipeline} (a command runs once, so nothing is kept for a next time).
 */
final class Reconciliation {

  private Reconciliation() {}

  static Report run(SpecOptions options, Options engineOptions) {
    return run(options, engineOptions, null);
  }

  /**
   * As {@link #run(SpecOptions, Options)}, holding the writer lock around the reconcile (not while
   * loading, so that bad specs still leave the root untouched).
   *
   * @param lockTimeout how long to wait for the lock, or {@code null} to take none (plan, drift)
   */
  static Report run(SpecOptions options, Options engineOptions, Duration lockTimeout) {
    return run(options, engineOptions, lockTimeout, Selection.ALL);
  }

  /** As {@link #run(SpecOptions, Options, Duration)}, over what {@code selection} chooses. */
  static Report run(
      SpecOptions options, Options engineOptions, Duration lockTimeout, Selection selection) {
    return pipeline(options).run(options.specs, engineOptions, lockTimeout, selection);
  }

  /** A fresh pipeline for the root, services and terminal of one command. */
  static Pipeline pipeline(SpecOptions options) {
    // progress of a root image fill only on a terminal, where a changing line helps; never in logs
    FillProgress progress =
        System.console() != null ? new ConsoleFillProgress(System.err) : FillProgress.NONE;
    return new Pipeline(options.rootFs(), options::serviceBackend, progress, Clock.systemUTC());
  }
}
