package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSnapshotsTest {

  @TempDir Path dir;

  @Test
  void aStateFileWrittenAMomentAgoIsNotTrustedOnItsStatAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("state.json"), "{}");
    StateSnapshots.Snapshot snapshot =
        StateSnapshots.Snapshot.of(file, Files.readAllBytes(file), Map.of());

    assertThat(snapshot.settled()).isFalse();
    assertThat(snapshot.stillSettledAt(file)).isFalse();
  }

  @Test
  void aSettledSnapshotIsTrustedUntilTheFileChanges() throws Exception {
    Path file = Files.writeString(dir.resolve("state.json"), "{}");
    Thread.sleep(StateSnapshots.SETTLE.toMillis() + 100);
    StateSnapshots.Snapshot snapshot =
        StateSnapshots.Snapshot.of(file, Files.readAllBytes(file), Map.of());
    assertThat(snapshot.stillSettledAt(file)).isTrue();

    Files.writeString(dir.resolve("state.json"), "{}");

    assertThat(snapshot.stillSettledAt(file)).as("rewritten with the same bytes").isFalse();
  }

  @Test
  void aStateFileReplacedBehindTheProcessIsReadAgain() throws Exception {
    RootFs root = new RootFs(dir);
    StateSnapshots snapshots = new StateSnapshots();
    StateStore state = StateStore.open(root, true, snapshots);
    AppliedRecord exports =
        new AppliedRecord("/etc/exports", StateKind.BLOCK, StateStoreTest.h("a"), "a\n");
    state.put(ResourceId.parse("block:/etc/exports"), exports);
    state.save();
    Path file = dir.resolve("var/lib/netroot/state.json");
    byte[] saved = Files.readAllBytes(file);

    StateStore other = StateStore.open(root);
    other.remove(ResourceId.parse("block:/etc/exports"));
    other.save();
    assertThat(StateStore.open(root, true, snapshots).ids()).isEmpty();

    Files.write(file, saved);
    assertThat(StateStore.open(root, true, snapshots).ids())
        .containsExactly(ResourceId.parse("block:/etc/exports"));
  }
}
