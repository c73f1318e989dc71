package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.BackupLimits;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRetentionTest {

  /** A hash standing for the content named {@code name}. */
  static Sha256 h(String name) {
    return Sha256.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path dir;
  RootFs root;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(dir);
    Files.createDirectories(dir.resolve("etc/dhcp"));
  }

  /** Saves the file at {@code path} as it is, {@code days} after START, with {@code text}. */
  private Backups.Entry saveAt(String path, String text, int days) throws Exception {
    Files.writeString(root.resolve(path), text);
    return new Backups(root, at(START.plus(Duration.ofDays(days)))).save(path, "hand edit");
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private Path copyOf(Backups.Entry entry) {
    return dir.resolve("var/lib/netroot/backups/" + entry.id() + entry.path());
  }

  private List<Backups.Entry> list() {
    return new Backups(root, at(START)).list();
  }

  @Test
  void onlyTheNewestCopiesOfEachFileAreKeptByCount() throws Exception {
    List<Backups.Entry> dhcpd = new ArrayList<>();
    for (int day = 0; day < 4; day++) {
      dhcpd.add(saveAt("/etc/dhcp/dhcpd.conf", "edit " + day, day));
    }
    Backups.Entry exports = saveAt("/etc/exports", "exports edit", 0);

    List<Backups.Entry> removed =
        new BackupRetention(root, at(START.plus(Duration.ofDays(5))))
            .prune(new BackupLimits(2, Duration.ofDays(90)));

    assertThat(removed).containsExactly(dhcpd.get(0), dhcpd.get(1));
    assertThat(list()).containsExactly(dhcpd.get(2), dhcpd.get(3), exports);
    assertThat(copyOf(dhcpd.get(0))).doesNotExist();
    assertThat(copyOf(dhcpd.get(0)).getParent().getParent().getParent()).doesNotExist();
    assertThat(copyOf(dhcpd.get(2))).hasContent("edit 2");
    assertThat(copyOf(exports)).hasContent("exports edit");
  }

  @Test
  void oldCopiesGoButTheNewestOfEachFileStaysHoweverOld() throws Exception {
    Backups.Entry lonely = saveAt("/etc/exports", "the only copy", 0);
    Backups.Entry old = saveAt("/etc/dhcp/dhcpd.conf", "old", 1);
    Backups.Entry recent = saveAt("/etc/dhcp/dhcpd.conf", "recent", 100);

    List<Backups.Entry> removed =
        new BackupRetention(root, at(START.plus(Duration.ofDays(400))))
            .prune(new BackupLimits(20, Duration.ofDays(30)));

    assertThat(removed).containsExactly(old);
    assertThat(list()).containsExactly(lonely, recent);
    assertThat(copyOf(lonely)).hasContent("the only copy");
    assertThat(copyOf(recent)).hasContent("recent");
  }

  @Test
  void keptCopiesCanStillBeRestoredAfterAPrune() throws Exception {
    saveAt("/etc/exports", "first", 0);
    Backups.Entry second = saveAt("/etc/exports", "second", 1);
    new BackupRetention(root, at(START.plus(Duration.ofDays(2))))
        .prune(new BackupLimits(1, Duration.ofDays(90)));

    Files.writeString(root.resolve("/etc/exports"), "current");
    new Backups(root, at(START.plus(Duration.ofDays(3)))).restore(second.id(), null);

    assertThat(root.resolve("/etc/exports")).hasContent("second");
  }

  @Test
  void withNothingToRemoveTheIndexIsNotRewritten() throws Exception {
    saveAt("/etc/exports", "first", 0);
    Path index = dir.resolve("var/lib/netroot/backups/index.jsonl");
    Object inode = Files.getAttribute(index, "unix:ino");

    List<Backups.Entry> removed =
        new BackupRetention(root, at(START.plus(Duration.ofDays(1)))).prune(BackupLimits.DEFAULT);

    assertThat(removed).isEmpty();
    assertThat(Files.getAttribute(index, "unix:ino")).isEqualTo(inode);
  }

  @Test
  void aCopyWhoseTimeCannotBeReadIsJudgedByCountAlone() {
    Backups.Entry undated = new Backups.Entry("x-1", "sometime", "/etc/exports", "r", h("h"), null);
    Backups.Entry newest =
        new Backups.Entry("x-2", START.toString(), "/etc/exports", "r", h("h"), null);
    Instant muchLater = START.plus(Duration.ofDays(1000));

    assertThat(
            BackupRetention.expired(
                List.of(undated, newest), new BackupLimits(5, Duration.ofDays(1)), muchLater))
        .isEmpty();
    assertThat(
            BackupRetention.expired(
                List.of(undated, newest), new BackupLimits(1, Duration.ofDays(1)), muchLater))
        .containsExactly(undated);
  }
}
