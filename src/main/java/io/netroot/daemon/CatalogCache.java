package io.netroot.daemon;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.CatalogCompiler;
import io.netroot.os.DhcpdConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecSet;

/**
 * The catalog of the last pass, kept while the specs stay the same: {@code SpecLoader} hands back
 * the very same {@link SpecSet} when no spec file changed, and a catalog's rendered contents depend
 * on the specs alone, so a steady-state pass renders nothing. Sources (kernels, bootloader files)
 * are still read and hashed on every pass. A platform change under the root (its os-release) is
 * seen with the next spec change or restart.
 */
public final class CatalogCache {

  private final ServiceBackend services;
  private SpecSet specs;
  private RootFs root;
  private Catalog catalog;

  public CatalogCache(ServiceBackend services) {
    this.services = services;
  }

  /** The catalog for {@code specs} under {@code root}: the last one when they are the same. */
  public Catalog compile(SpecSet specs, RootFs root) {
    if (specs != this.specs || !root.equals(this.root)) {
      catalog = new CatalogCompiler(new DhcpdConfigChecker(), services).compile(specs, root);
      this.specs = specs;
      this.root = root;
    }
    return catalog;
  }
}
