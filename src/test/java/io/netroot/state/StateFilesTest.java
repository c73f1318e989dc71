package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.DirectorySnapshot;
import io.netroot.os.ProcessUmask;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file and the service journal are never read or written through a symbolic link. */
class StateFilesTest {

  /** A hash standing for the content named {@code name}. */
  static Sha256 h(String name) {
    return Sha256.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @TempDir Path dir;
  @TempDir Path victim;

  RootFs root;
  Path secret;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(dir);
    secret = victim.resolve("secret.json");
    Files.writeString(secret, "{\"format_version\": 2, \"resources\": {}}\n");
  }

  private static AppliedRecord record() {
    return new AppliedRecord("/etc/exports", StateKind.BLOCK, h("abc"), "text");
  }

  @Test
  void theStateIsWritten0600InA0700DirectoryWhateverTheUmask() {
    try (ProcessUmask mask = ProcessUmask.set(0)) {
      StateStore state = StateStore.open(root);
      state.put(ResourceId.parse("block:/etc/exports"), record());
      state.save();
    }
    assertThat(DirectorySnapshot.mode(dir.resolve("var/lib/netroot"))).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(dir.resolve("var/lib/netroot/state.json"))).isEqualTo(0600);
  }

  @Test
  void aStateFileThatIsALinkIsNotRead() throws Exception {
    Files.createDirectories(dir.resolve("var/lib/netroot"));
    Files.createSymbolicLink(dir.resolve("var/lib/netroot/state.json"), secret);

    assertThatThrownBy(() -> StateStore.open(root))
        .isInstanceOf(NetrootException.class)
        .hasMessage(
            dir.resolve("var/lib/netroot/state.json")
                + " is a symbolic link; netroot does not read through links");
  }

  @Test
  void aLinkedStateDirectoryIsNeitherReadNorWritten() throws Exception {
    Files.createDirectories(dir.resolve("var/lib"));
    Files.copy(secret, victim.resolve("state.json"));
    Files.createSymbolicLink(dir.resolve("var/lib/netroot"), victim);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> StateStore.open(root))
        .hasMessage(
            dir.resolve("var/lib/netroot")
                + " is a symbolic link; netroot does not write through links");
    PendingServices journal = new PendingServices(root);
    assertThatThrownBy(journal::load).hasMessageContaining("is a symbolic link");
    assertThatThrownBy(
            () -> journal.save(Map.of(ServiceAction.reexport("nfs"), List.of("/etc/exports"))))
        .hasMessageContaining("is a symbolic link");
    assertThatThrownBy(journal::clear).hasMessageContaining("is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aStateFileReplacedByALinkIsReplacedNotWrittenThrough() throws Exception {
    StateStore state = StateStore.open(root);
    state.put(ResourceId.parse("block:/etc/exports"), record());
    Path file = dir.resolve("var/lib/netroot/state.json");
    Files.createDirectories(file.getParent());
    Files.createSymbolicLink(file, secret);
    Map<String, String> before = DirectorySnapshot.of(victim);

    state.save();

    assertThat(Files.isSymbolicLink(file)).isFalse();
    assertThat(file).content().contains("block:/etc/exports");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aJournalThatIsALinkIsNotRead() throws Exception {
    Files.createDirectories(dir.resolve("var/lib/netroot"));
    Files.createSymbolicLink(dir.resolve("var/lib/netroot/pending-services.json"), secret);

    assertThatThrownBy(() -> new PendingServices(root).load())
        .hasMessageContaining("pending-services.json is a symbolic link");
  }
}
