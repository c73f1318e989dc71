package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionHoldTest {

  static final Duration QUIET = Duration.ofSeconds(10);

  @TempDir Path specs;
  Instant now = Instant.parse("2030-01-01T12:00:00Z");
  final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  DeletionHold hold;

  @BeforeEach
  void setUp() throws Exception {
    write("hosts.yaml", "a", now.minus(Duration.ofHours(1)));
    hold = new DeletionHold(new SpecsQuiet(specs, clock), QUIET, clock);
  }

  void write(String name, String text, Instant modified) throws Exception {
    Path file = specs.resolve(name);
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    Files.setLastModifiedTime(specs, FileTime.from(modified));
  }

  @Test
  void largeMeansOverFiftyOrOverATenthAndOverTen() {
    assertThat(DeletionHold.large(51, 100_000)).isTrue();
    assertThat(DeletionHold.large(50, 100_000)).isFalse();
    assertThat(DeletionHold.large(11, 100)).isTrue();
    assertThat(DeletionHold.large(11, 110)).isFalse();
    assertThat(DeletionHold.large(10, 20)).as("a small fleet losing half").isFalse();
  }

  @Test
  void specsUntouchedForLongerThanTheQuietPeriodLetALargeRemovalGoAtOnce() {
    assertThat(hold.hold(3000, 4000)).isEmpty();
    assertThat(hold.due()).isEmpty();
  }

  @Test
  void aLargeRemovalWaitsUntilTheSpecsHaveBeenQuietThenGoes() throws Exception {
    write("hosts.yaml", "a partial fleet", now);

    assertThat(hold.hold(3002, 4000))
        .get()
        .asString()
        .startsWith("3002 of 4000 files would be removed, and the specs changed at " + now)
        .contains("until the specs have been unchanged for 10s (at " + now.plus(QUIET) + ")");
    assertThat(hold.due()).contains(now.plus(QUIET));

    now = now.plusSeconds(6);
    write("hosts.yaml", "another partial fleet", now);
    assertThat(hold.hold(1500, 4000)).as("changed again: waits from now").isPresent();
    assertThat(hold.due()).contains(now.plus(QUIET));

    now = now.plus(QUIET).minusMillis(1);
    assertThat(hold.hold(1500, 4000)).isPresent();
    now = now.plusMillis(1);
    assertThat(hold.hold(1500, 4000)).as("quiet for the whole period").isEmpty();
    assertThat(hold.due()).isEmpty();
  }

  @Test
  void aSmallRemovalNeverWaits() throws Exception {
    write("hosts.yaml", "one host fewer", now);
    assertThat(hold.hold(2, 4000)).isEmpty();
  }

  @Test
  void aNewPassForgetsWhatTheLastOneHeldBack() throws Exception {
    write("hosts.yaml", "a partial fleet", now);
    assertThat(hold.hold(3002, 4000)).isPresent();
    hold.newPass();
    assertThat(hold.due()).isEmpty();
  }

  @Test
  void aChangeSeenWithoutANewModificationTimeStillCounts() throws Exception {
    SpecsQuiet quiet = new SpecsQuiet(specs, clock);
    Instant first = quiet.lastChange();
    assertThat(first).isEqualTo(now.minus(Duration.ofHours(1)));
    now = now.plusSeconds(30);
    assertThat(quiet.lastChange()).as("nothing changed").isEqualTo(first);
    // restored with its old time, as cp -p or tar would
    write("hosts.yaml", "a different fleet", now.minus(Duration.ofHours(1)));
    assertThat(quiet.lastChange()).isEqualTo(now);
  }

  @Test
  void gitsOwnFilesAreNotSpecChanges() throws Exception {
    SpecsQuiet quiet = new SpecsQuiet(specs, clock);
    Instant first = quiet.lastChange();
    now = now.plusSeconds(30);
    Files.createDirectories(specs.resolve(".git/objects"));
    Files.writeString(specs.resolve(".git/index"), "index");
    Files.setLastModifiedTime(specs, FileTime.from(first)); // as git fetch leaves it
    assertThat(quiet.lastChange()).isEqualTo(first);
  }
}
