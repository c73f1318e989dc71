package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassRequestsEditsTest {

  @Test
  void handEditsAloneAskForAPassOverTheirFiles() throws Exception {
    PassRequests requests = new PassRequests(Clock.systemUTC());
    requests.handEdits(Set.of(Path.of("/r/a")));
    requests.handEdits(Set.of(Path.of("/r/b")));
    Set<String> taken = requests.await(null);
    assertThat(requests.takeEdited(taken)).contains(Set.of(Path.of("/r/a"), Path.of("/r/b")));
    assertThat(requests.takeEdited(Set.of("hand edit"))).as("forgotten once taken").isEmpty();
  }

  @Test
  void anotherReasonOrLostEventsAskForAFullPass() throws Exception {
    PassRequests requests = new PassRequests(Clock.systemUTC());
    requests.handEdits(Set.of(Path.of("/r/a")));
    requests.request("spec change");
    assertThat(requests.takeEdited(requests.await(null))).isEmpty();

    requests.handEdits(Set.of(Path.of("/r/a")));
    requests.handEdits(null);
    assertThat(requests.takeEdited(requests.await(null))).isEmpty();

    requests.handEdits(Set.of(Path.of("/r/c")));
    assertThat(requests.takeEdited(requests.await(null))).contains(Set.of(Path.of("/r/c")));
  }
}
