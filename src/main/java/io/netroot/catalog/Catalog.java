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
 */
public record Catalog(
    List<Resource> resources, List<OwnedDirectory> ownedDirectories, ServerLayout layout) {

  public Catalog {
    resources = List.copyOf(resources);
    ownedDirectories = List.copyOf(ownedDirectories);
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
