package io.netroot.engine;

import io.netroot.catalog.ServerLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one pass: an immutable value the command line turns into text or JSON, and the
 * daemon into status and metrics.
 *
 * @param leftovers temporary files an interrupted run left behind, as server paths: removed by an
 *     apply, only reported by a dry run
 * @param warnings what the pass recovered from on its own (a corrupt state file moved aside), one
 *     line each
 * @param errors what went wrong for the pass as a whole rather than for one resource (the state
 *     could not be saved), one line each
 */
public record Report(
    Options options,
    ServerLayout layout,
    Instant started,
    Duration duration,
    List<ResourceResult> resources,
    List<Unexpected> unexpected,
    List<ServiceResult> services,
    boolean touchesServices,
    List<String> leftovers,
    List<String> warnings,
    List<String> errors) {

  public Report {
    resources = List.copyOf(resources);
    unexpected = List.copyOf(unexpected);
    services = List.copyOf(services);
    leftovers = List.copyOf(leftovers);
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  /** A report with nothing left over and nothing to say about the pass as a whole. */
  public Report(
      Options options,
      ServerLayout layout,
      Instant started,
      Duration duration,
      List<ResourceResult> resources,
      List<Unexpected> unexpected,
      List<ServiceResult> services,
      boolean touchesServices) {
    this(
        options,
        layout,
        started,
        duration,
        resources,
        unexpected,
        services,
        touchesServices,
        List.of(),
        List.of(),
        List.of());
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
        .filter(r -> r.status() == Status.FAILED || r.status().untouched())
        .toList();
  }

  public boolean hasFailures() {
    return !failures().isEmpty()
        || !errors.isEmpty()
        || services.stream().anyMatch(s -> s.status() == Status.FAILED);
  }

  /** True when there is anything to change: resources, unexpected files to prune. */
  public boolean hasChanges() {
    return !changes().isEmpty()
        || unexpected.stream().anyMatch(Unexpected::pruned)
        || !leftovers.isEmpty();
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
