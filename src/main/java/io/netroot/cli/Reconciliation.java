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
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.time.Clock;

/** Load, compile, reconcile: the path every command that looks at the boot server takes. */
final class Reconciliation {

  private Reconciliation() {}

  static Report run(SpecOptions options, Options engineOptions) {
    SpecSet specs = SpecLoader.load(options.specs);
    // progress of a root image fill only on a terminal, where a changing line helps; never in logs
    FillProgress progress =
        System.console() != null ? new ConsoleFillProgress(System.err) : FillProgress.NONE;
    RootFs root = options.rootFs();
    ServiceBackend services = options.serviceBackend();
    Catalog catalog =
        new CatalogCompiler(new DhcpdConfigChecker(), services, progress).compile(specs, root);
    return new Engine(root, services, Clock.systemUTC()).reconcile(catalog, engineOptions);
  }
}
