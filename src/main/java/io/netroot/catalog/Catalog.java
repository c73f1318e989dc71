package io.netroot.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything netroot manages for one set of specs, in an order where each resource comes after the
 * ones it depends on.
 *
 * @param resources managed things, dependencies first
 * @param ownedDirectories directories where files no spec produces are unexpected
 * @param layout where things are on this boot server, defaults filled in
 * @param backedUpRemovals the paths whose removal, when no resource produces them any more, is
 *     always preceded by a backup, not only after a hand edit: the configuration of a DHCP server
 *     that another replaced, which the admin may want back
 */
public record Catalog(
    List<Resource> resources,
    List<OwnedDirectory> ownedDirectories,
    ServerLayout layout,
    Set<String> backedUpRemovals) {

  /** A catalog with no removal backed up but after a hand edit. */
  public Catalog(
      List<Resource> resources, List<OwnedDirectory> ownedDirectories, ServerLayout layout) {
    this(resources, ownedDirectories, layout, Set.of());
  }

  public Catalog {
    resources = List.copyOf(resources);
    ownedDirectories = List.copyOf(ownedDirectories);
    backedUpRemovals = Set.copyOf(backedUpRemovals);
    Set<ResourceId> seen = new HashSet<>();
    for (Resource resource : resources) {
      for (ResourceId dependency : resource.dependsOn()) {
        if (!seen.contains(dependency)) {
          throw new IllegalArgumentException(
              resource.id() + " depends on " + dependency + ", which does not come before it");
        }
      }
      if (!seen.add(resource.id())) {
        throw new IllegalArgumentException("two resources with id " + resource.id());
      }
    }
  }
}
