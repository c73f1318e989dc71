package io.netroot.engine;

import io.netroot.catalog.ServerLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one pass: an immutable value the command line turns into text or JSON, and the
 * daemon into status and metrics.
 */
public record Report(
    Options options,
    ServerLayout layout,
    Instant started,
    Duration duration,
    List<ResourceResult> resources,
    List<Unexpected> unexpected,
    List<ServiceResult> services,
    boolean touchesServices) {

  public Report {
    resources = List.copyOf(resources);
    unexpected = List.copyOf(unexpected);
    services = List.copyOf(services);
  }

  /** Resources this pass changes or would change. */
  public List<ResourceResult> changes() {
    return resources.stream().filter(ResourceResult::changes).toList();
  }

  /** Resources whose actual state is not what netroot last wrote. */
  public List<ResourceResult> handEdits() {
    return resources.stream().filter(ResourceResult::handEdit).toList();
  }

  public List<ResourceResult> failures() {
    return resources.stream()
        .filter(r -> r.status() == Status.FAILED || r.status() == Status.BLOCKED)
        .toList();
  }

  public boolean hasFailures() {
    return !failures().isEmpty() || services.stream().anyMatch(s -> s.status() == Status.FAILED);
  }

  /** True when there is anything to change: resources, unexpected files to prune. */
  public boolean hasChanges() {
    return !changes().isEmpty() || unexpected.stream().anyMatch(Unexpected::pruned);
  }

  /** True when {@code drift} has something to say: hand edits or unexpected files. */
  public boolean hasDrift() {
    return !handEdits().isEmpty() || !unexpected.isEmpty();
  }

  public long count(Action action) {
    return changes().stream().filter(r -> r.action() == action).count();
  }

  public long unchanged() {
    return resources.stream().filter(r -> r.status() == Status.UNCHANGED).count();
  }
}
