package io.netroot.engine;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds back the removal of files no spec produces any more while something that may still name
 * them failed or was blocked. A host removed from the specs keeps booting from its PXE file as long
 * as the DHCP block that names it is not rewritten; deleting the file first would leave that host
 * unbootable. Which file a failed resource names is not known here, so the guard is conservative: a
 * failed or blocked resource guards the area (owned directory, else directory) of itself and of
 * everything it depends on, and no orphan in a guarded area is removed.
 */
final class OrphanGuard {

  /** Guarded areas, each with the failed or blocked resource that guards it. */
  private final Map<String, ResourceId> guarded = new LinkedHashMap<>();

  private final Catalog catalog;

  OrphanGuard(Catalog catalog, Set<ResourceId> broken) {
    this.catalog = catalog;
    Map<ResourceId, Resource> byId = new HashMap<>();
    catalog.resources().forEach(r -> byId.put(r.id(), r));
    for (Resource resource : catalog.resources()) {
      if (!broken.contains(resource.id())) {
        continue;
      }
      Set<ResourceId> seen = new HashSet<>();
      Deque<ResourceId> todo = new ArrayDeque<>();
      todo.add(resource.id());
      while (!todo.isEmpty()) {
        Resource r = byId.get(todo.poll());
        if (r != null && seen.add(r.id())) {
          guarded.putIfAbsent(area(r.path()), resource.id());
          todo.addAll(r.dependsOn());
        }
      }
    }
  }

  /** The failed or blocked resource that may still name {@code path}, if any. */
  Optional<ResourceId> holder(String path) {
    return Optional.ofNullable(guarded.get(area(path)));
  }

  /** The owned directory a path is in, else its directory: one kind of file. */
  private String area(String path) {
    for (OwnedDirectory dir : catalog.ownedDirectories()) {
      if (path.startsWith(dir.path().endsWith("/") ? dir.path() : dir.path() + "/")) {
        return dir.path();
      }
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
