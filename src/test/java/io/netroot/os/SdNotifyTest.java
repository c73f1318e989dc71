package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {

  @TempDir Path dir;

  @Test
  void messagesReachTheSocketNamedByNotifySocket() {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify"))) {
      SdNotify notify =
          SdNotify.fromEnvironment(
              Map.of("NOTIFY_SOCKET", socket.path.toString(), "WATCHDOG_USEC", "3000000"));
      notify.send("READY=1\nSTATUS=first pass done");
      assertThat(socket.messages()).containsExactly("READY=1\nSTATUS=first pass done");
      assertThat(notify.watchdogPingInterval()).contains(Duration.ofMillis(1500));
    }
  }

  @Test
  void moreTimeIsAskedForInMicroseconds() {
    try (NotifySocket socket = new NotifySocket(dir.resolve("notify"))) {
      SdNotify notify =
          SdNotify.fromEnvironment(
              Map.of("NOTIFY_SOCKET", socket.path.toString(), "WATCHDOG_USEC", "60000000"));
      notify.extendTimeout(Duration.ofSeconds(10));
      assertThat(socket.messages()).containsExactly("EXTEND_TIMEOUT_USEC=10000000");
    }
  }

  @Test
  void withoutNotifySocketNothingIsSentAndThereIsNoWatchdog() {
    SdNotify notify = SdNotify.fromEnvironment(Map.of("WATCHDOG_USEC", "3000000"));
    assertThat(notify.enabled()).isFalse();
    assertThat(notify.watchdogPingInterval()).isEmpty();
    notify.send("READY=1");
  }

  @Test
  void aWatchdogForAnotherProcessIsNotOurs() {
    SdNotify notify =
        SdNotify.fromEnvironment(
            Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "3000000", "WATCHDOG_PID", "1"));
    assertThat(notify.watchdogPingInterval()).isEmpty();
  }

  @Test
  void anAbstractSocketNameStartsWithANulByteAndHasNoTerminator() {
    byte[] address = SdNotify.address("@sd");
    assertThat(address).hasSize(2 + 3);
    assertThat(address[2]).isZero();
    assertThat(SdNotify.address("/run/sd")).hasSize(2 + 7 + 1);
  }
}
