package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.ResourceId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

  final ResourceId id = ResourceId.parse("file:/srv/tftp/pxelinux.cfg/default");
  final Instant now = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void delaysDoubleUpToTheCapAndASuccessForgetsThem() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(backoff.failed(id, now, "e").retryAt()).isEqualTo(now.plusSeconds(2));
    assertThat(backoff.failed(id, now, "e").retryAt()).isEqualTo(now.plusSeconds(4));
    assertThat(backoff.failed(id, now, "e").retryAt()).isEqualTo(now.plusSeconds(8));
    assertThat(backoff.failed(id, now, "e").retryAt()).isEqualTo(now.plusSeconds(10));
    assertThat(backoff.delay(200)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.deferred(now)).containsOnlyKeys(id);
    assertThat(backoff.deferred(now.plusSeconds(10))).isEmpty();

    backoff.succeeded(id);
    assertThat(backoff.nextRetry()).isEmpty();
    assertThat(backoff.failed(id, now, "e").count()).isEqualTo(1);
  }
}
