package io.netroot.daemon;

import io.netroot.catalog.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-resource retry after failures: the first retry after {@code base}, each further one twice as
 * late, never later than {@code cap}; one success forgets the failures.
 */
final class Backoff {

  /** The failures of one resource so far. */
  record Failure(int count, Instant retryAt, String error) {}

  private final Map<ResourceId, Failure> failures = new HashMap<>();
  private Duration base;
  private Duration cap;

  Backoff(Duration base, Duration cap) {
    configure(base, cap);
  }

  void configure(Duration base, Duration cap) {
    this.base = base;
    this.cap = cap.compareTo(base) < 0 ? base : cap;
  }

  Failure failed(ResourceId id, Instant now, String error) {
    int count = failures.containsKey(id) ? failures.get(id).count() + 1 : 1;
    Failure failure = new Failure(count, now.plus(delay(count)), error);
    failures.put(id, failure);
    return failure;
  }

  void succeeded(ResourceId id) {
    failures.remove(id);
  }

  Duration delay(int count) {
    Duration delay = base.multipliedBy(1L << Math.min(count - 1, 30));
    return delay.compareTo(cap) > 0 || delay.isNegative() ? cap : delay;
  }

  Optional<Failure> get(ResourceId id) {
    return Optional.ofNullable(failures.get(id));
  }

  /** The resources whose retry time has not come yet, with that time. */
  Map<ResourceId, Instant> deferred(Instant now) {
    Map<ResourceId, Instant> out = new HashMap<>();
    failures.forEach(
        (id, f) -> {
          if (f.retryAt().isAfter(now)) {
            out.put(id, f.retryAt());
          }
        });
    return out;
  }

  /** The earliest retry still to come, to wake the loop for it. */
  Optional<Instant> nextRetry() {
    return failures.values().stream().map(Failure::retryAt).min(Instant::compareTo);
  }
}
