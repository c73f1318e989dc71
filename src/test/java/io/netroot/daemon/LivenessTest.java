package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LivenessTest {

  final AtomicLong nanos = new AtomicLong();
  final AtomicBoolean working = new AtomicBoolean();
  final Liveness liveness = new Liveness(Duration.ofSeconds(10), working::get, nanos::get);

  void after(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void aPassWithoutProgressPastTheLimitIsStuckAndSaysWhere() {
    liveness.busy("pass 2 (spec change)");
    liveness.progress("restart dhcpd");
    after(Duration.ofSeconds(10));
    assertThat(liveness.stuck()).as("at the limit").isEmpty();
    after(Duration.ofSeconds(1));
    assertThat(liveness.stuck())
        .get()
        .isEqualTo("no progress for 11s (limit 10s); last step: restart dhcpd");
  }

  @Test
  void eachStepIsProgress() {
    liveness.busy("pass 1 (start)");
    for (int i = 0; i < 5; i++) {
      after(Duration.ofSeconds(6));
      liveness.progress("file:/srv/tftp/pxelinux.cfg/01-" + i);
      assertThat(liveness.stuck()).isEmpty();
    }
  }

  @Test
  void cpuSpentOnALongStepIsProgress() {
    liveness.busy("pass 1 (start)");
    liveness.progress("image:/srv/nfsroot/node");
    for (int i = 0; i < 5; i++) {
      after(Duration.ofSeconds(6));
      working.set(true); // tar unpacking
      assertThat(liveness.stuck()).isEmpty();
    }
    working.set(false);
    after(Duration.ofSeconds(11));
    assertThat(liveness.stuck()).get().asString().contains("image:/srv/nfsroot/node");
  }

  @Test
  void waitingForATriggerIsNeverStuck() {
    liveness.idle();
    after(Duration.ofHours(1));
    assertThat(liveness.stuck()).isEmpty();
    assertThat(liveness.busy()).isFalse();
    liveness.busy("pass 3 (schedule)");
    assertThat(liveness.stuck()).isEmpty();
  }
}
