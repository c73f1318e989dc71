package io.netroot.cli;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.CatalogCompiler;
import io.netroot.catalog.FillProgress;
import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.os.DhcpdConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.WriterLock;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.time.Clock;
import java.time.Duration;

/** Load, compile, reconcile: the path every command that looks at the boot server takes. */
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
    SpecSet specs = SpecLoader.load(options.specs);
    // progress of a root image fill only on a terminal, where a changing line helps; never in logs
    FillProgress progress =
        System.console() != null ? new ConsoleFillProgress(System.err) : FillProgress.NONE;
    RootFs root = options.rootFs();
    ServiceBackend services = options.serviceBackend();
    Catalog catalog =
        new CatalogCompiler(new DhcpdConfigChecker(), services, progress).compile(specs, root);
    Engine engine = new Engine(root, services, Clock.systemUTC());
    if (lockTimeout == null) {
      return engine.reconcile(catalog, engineOptions);
    }
    try (WriterLock lock = WriterLock.acquire(root, lockTimeout)) {
      return engine.reconcile(catalog, engineOptions);
    }
  }
}
