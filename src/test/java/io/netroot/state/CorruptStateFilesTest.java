package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netroot's own files damaged by a crash or by hand: said in words, and recovered from. */
class CorruptStateFilesTest {

  @TempDir Path dir;
  RootFs root;
  Path stateDir;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(dir);
    stateDir = dir.resolve("var/lib/netroot");
    Files.createDirectories(stateDir);
  }

  private long corruptCopies(String name) throws Exception {
    try (Stream<Path> list = Files.list(stateDir)) {
      return list.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-")).count();
    }
  }

  @Test
  void aCorruptStateIsSaidInOneLineWithoutTheParsersText() throws Exception {
    Path state = stateDir.resolve("state.json");
    Files.writeString(state, "{\"format_version\": 2, \"resources\": {\"x\": 7}}");
    StateStore dry = StateStore.open(root, false);
    assertThat(dry.ids()).isEmpty();
    assertThat(dry.warning())
        .startsWith(state + " does not have the layout netroot writes")
        .doesNotContain("Source")
        .doesNotContain("\n");
    assertThat(corruptCopies("state.json")).isZero();
    assertThatThrownBy(() -> StateStore.open(root))
        .isInstanceOf(NetrootException.class)
        .hasMessageStartingWith(state.toString());

    StateStore repaired = StateStore.open(root, true);
    assertThat(repaired.warning()).contains("it was moved to state.json.corrupt-");
    assertThat(state).doesNotExist();
    assertThat(corruptCopies("state.json")).isEqualTo(1);
    assertThat(StateStore.open(root, true).warning()).isNull();
  }

  @Test
  void anEmptyStateFileIsCalledEmpty() throws Exception {
    Files.writeString(stateDir.resolve("state.json"), "");
    assertThat(StateStore.open(root, false).warning()).contains("state.json is empty;");
  }

  @Test
  void aStateOfAnUnknownFormatIsStillRefused() throws Exception {
    Files.writeString(stateDir.resolve("state.json"), "{\"format_version\": 9}");
    assertThatThrownBy(() -> StateStore.open(root, true))
        .hasMessageContaining("has state format 9");
    assertThat(stateDir.resolve("state.json")).exists();
  }

  @Test
  void aTornServiceJournalIsMovedAside() throws Exception {
    Files.writeString(stateDir.resolve("pending-services.json"), "{\"pending\": [{\"ki");
    PendingServices journal = new PendingServices(root);
    assertThat(journal.load()).isEmpty();
    assertThat(journal.unreadable())
        .contains("pending-services.json is not valid JSON (line 1")
        .doesNotContain("Source");
    assertThat(corruptCopies("pending-services.json")).isEqualTo(1);
  }

  @Test
  void aTornIndexLineIsSkippedWithAWarningAndTheNextEntryStartsOnItsOwnLine() throws Exception {
    Backups backups =
        new Backups(root, Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    Files.createDirectories(dir.resolve("srv/tftp"));
    Files.writeString(dir.resolve("srv/tftp/a"), "a\n");
    backups.save("/srv/tftp/a", "first");
    Path index = stateDir.resolve("backups/index.jsonl");
    Files.writeString(index, "{\"id\":\"2024050", java.nio.file.StandardOpenOption.APPEND);

    Backups.Index torn = backups.read();
    assertThat(torn.entries()).extracting(Backups.Entry::reason).containsExactly("first");
    assertThat(torn.warnings()).singleElement().asString().contains("line 2");

    backups.save("/srv/tftp/a", "second");
    Backups.Index after = backups.read();
    assertThat(after.entries())
        .extracting(Backups.Entry::reason)
        .containsExactly("first", "second");
    assertThat(after.warnings()).hasSize(1);
  }
}
