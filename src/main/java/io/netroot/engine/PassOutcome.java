package io.netroot.engine;

import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one pass has found so far, shared by its parts: a result per resource in catalog order, the
 * resources that failed or were not touched (what depends on them is blocked), and what went right
 * or wrong for the pass as a whole. The lists become the {@link Report}.
 */
final class PassOutcome {

  final List<ResourceResult> results = new ArrayList<>();

  /** Resources that failed or were blocked: what depends on them is blocked too. */
  final Set<ResourceId> broken = new HashSet<>();

  /** What the pass as a whole recovered from, and what went wrong for it as a whole. */
  final List<String> warnings = new ArrayList<>();

  final List<String> errors = new ArrayList<>();

  /** Records a resource that failed or was not touched; what depends on it is blocked. */
  void fail(Resource resource, Status status, String why) {
    broken.add(resource.id());
    results.add(ResourceResult.failed(resource, status, why));
  }
}
