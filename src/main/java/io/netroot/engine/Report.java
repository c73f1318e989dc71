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

  /**
   * This report of a whole pass with the results of {@code part}, a pass over some of its resources
   * (a {@code --host} or a hand-edit pass), in place of its own: what is known of every resource
   * after both. Services, warnings and errors are the later pass's.
   */
  public Report updatedBy(Report part) {
    java.util.Map<io.netroot.catalog.ResourceId, ResourceResult> later = new java.util.HashMap<>();
    part.resources().forEach(r -> later.put(r.id(), r));
    List<ResourceResult> merged =
        resources.stream().map(r -> later.getOrDefault(r.id(), r)).toList();
    return new Report(
        options,
        part.layout(),
        started,
        duration,
        merged,
        unexpected,
        part.services(),
        part.touchesServices(),
        part.leftovers(),
        part.warnings(),
        part.errors());
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
