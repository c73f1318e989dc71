package io.netroot.pipeline;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.CatalogCompiler;
import io.netroot.catalog.FillProgress;
import io.netroot.catalog.Selection;
import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.os.WriterLock;
import io.netroot.spec.SpecCache;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import io.netroot.state.StateSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Load, compile, reconcile: the one path from spec files to a {@link Report}, for the commands
 * (plan, apply, drift) and for the agent's passes alike.
 *
 * <p>It owns what may be reused from one pass to the next: the parsed spec files and the last
 * checked set ({@link SpecCache}), the catalog of the last specs, and the state file as last read
 * or written ({@link StateSnapshots}, through its {@link Engine}). The agent keeps one pipeline for
 * its life; a command makes a fresh one, which does what a single run needs and nothing more.
 *
 * <p>The catalog is kept while the specs stay the same: {@link SpecLoader} hands back the very same
 * {@link SpecSet} when no spec file changed, and a catalog's rendered contents depend on the specs
 * alone, so a steady-state pass renders nothing. Sources (kernels, bootloader files) are still read
 * and hashed on every pass. A platform change under the root (its os-release) is seen with the next
 * spec change or restart.
 */
public final class Pipeline {

  private final RootFs root;
  private final Supplier<ServiceBackend> services;
  private final FillProgress progress;
  private final Clock clock;
  private final SpecCache specCache = new SpecCache();
  private final StateSnapshots stateSnapshots = new StateSnapshots();
  private CatalogCompiler compiler;
  private Engine engine;
  private SpecSet compiledSpecs;
  private Catalog catalog;

  /**
   * @param services the service backend, asked for at the first compile: after the specs load, so
   *     that a command with bad specs and a bad {@code --services} reports the specs first
   * @param progress how a root image fill shows its progress ({@link FillProgress#NONE} for none)
   */
  public Pipeline(
      RootFs root, Supplier<ServiceBackend> services, FillProgress progress, Clock clock) {
    this.root = root;
    this.services = services;
    this.progress = progress;
    this.clock = clock;
  }

  /** A pipeline for {@code root} whose fills show no progress. */
  public Pipeline(RootFs root, ServiceBackend services, Clock clock) {
    this(root, () -> services, FillProgress.NONE, clock);
  }

  /** The compiler and the engine, made once from the service backend. */
  private void resolveServices() {
    if (engine == null) {
      ServiceBackend backend = services.get();
      compiler = new CatalogCompiler(backend, progress);
      engine = new Engine(root, backend, clock, stateSnapshots);
    }
  }

  /**
   * Loads and checks the specs under {@code specsDir}, reusing the files parsed by earlier loads.
   *
   * @throws io.netroot.spec.SpecInvalidException with every problem
   */
  public SpecSet load(Path specsDir) {
    return SpecLoader.load(specsDir, specCache);
  }

  /**
   * The catalog for {@code specs} under this pipeline's root: the last one when they are the same.
   */
  public Catalog compile(SpecSet specs) {
    resolveServices();
    if (specs != compiledSpecs) {
      catalog = compiler.compile(specs, root);
      compiledSpecs = specs;
    }
    return catalog;
  }

  /** Runs one pass of the engine over {@code catalog}. */
  public Report reconcile(Catalog catalog, Options options) {
    resolveServices();
    return engine.reconcile(catalog, options);
  }

  /**
   * Loads, compiles and reconciles, holding the writer lock around the reconcile only (not while
   * loading, so that bad specs still leave the root untouched).
   *
   * @param lockTimeout how long to wait for the lock, or {@code null} to take none (plan, drift, or
   *     a caller that holds it already)
   */
  public Report run(Path specsDir, Options options, Duration lockTimeout) {
    return run(specsDir, options, lockTimeout, Selection.ALL);
  }

  /**
   * As {@link #run(Path, Options, Duration)}, over the part of the boot server {@code selection}
   * chooses ({@code --host}, {@code --kind}).
   *
   * @throws io.netroot.NetrootException when the selection names a host the specs do not have
   */
  public Report run(Path specsDir, Options options, Duration lockTimeout, Selection selection) {
    SpecSet specs = load(specsDir);
    Catalog compiled = compile(specs);
    Options scoped = options.withScope(selection.resolve(compiled, specs));
    if (lockTimeout == null) {
      return reconcile(compiled, scoped);
    }
    try (WriterLock lock = WriterLock.acquire(root, lockTimeout)) {
      return reconcile(compiled, scoped);
    }
  }
}
