package io.netroot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

  /** A hash standing for the content named {@code name}. */
  static Sha256 h(String name) {
    return Sha256.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @TempDir Path dir;

  private Path stateFile() {
    return dir.resolve("var/lib/netroot/state.json");
  }

  @Test
  void recordsRoundTripAndSharedTextsAreKeptOnce() throws Exception {
    RootFs root = new RootFs(dir);
    StateStore state = StateStore.open(root);
    AppliedRecord bios =
        new AppliedRecord("/srv/tftp/pxelinux.cfg/01-a", StateKind.FILE, h("aa"), "x\n");
    AppliedRecord uefi =
        new AppliedRecord("/srv/tftp/efi64/pxelinux.cfg/01-a", StateKind.FILE, h("aa"), "x\n");
    AppliedRecord kernel =
        new AppliedRecord("/srv/tftp/images/k/vmlinuz", StateKind.FILE, h("bb"), null);
    state.put(ResourceId.parse("file:bios"), bios);
    state.put(ResourceId.parse("file:uefi"), uefi);
    state.put(ResourceId.parse("file:kernel"), kernel);
    state.save();

    String json = Files.readString(stateFile());
    assertThat(json).contains("\"format_version\":2");
    assertThat(json.indexOf("\"x\\n\"")).isEqualTo(json.lastIndexOf("\"x\\n\""));
    StateStore again = StateStore.open(root);
    assertThat(again.get(ResourceId.parse("file:bios"))).contains(bios);
    assertThat(again.get(ResourceId.parse("file:uefi"))).contains(uefi);
    assertThat(again.get(ResourceId.parse("file:kernel"))).contains(kernel);
    assertThat(again.ids())
        .containsExactly(
            ResourceId.parse("file:bios"),
            ResourceId.parse("file:uefi"),
            ResourceId.parse("file:kernel"));
  }

  @Test
  void formatOneIsReadAndRewrittenAsFormatTwo() throws Exception {
    Files.createDirectories(stateFile().getParent());
    Files.writeString(
        stateFile(),
        "{\n  \"format_version\" : 1,\n  \"resources\" : {\n    \"block:/etc/exports\" : {\n"
            + "      \"path\" : \"/etc/exports\",\n      \"kind\" : \"BLOCK\",\n"
            + "      \"sha256\" : \""
            + h("cc").hex()
            + "\",\n      \"content\" : \"/srv 10.0.0.0/24(ro)\\n\"\n"
            + "    }\n  }\n}\n",
        StandardCharsets.UTF_8);

    StateStore state = StateStore.open(new RootFs(dir));

    AppliedRecord expected =
        new AppliedRecord("/etc/exports", StateKind.BLOCK, h("cc"), "/srv 10.0.0.0/24(ro)\n");
    assertThat(state.get(ResourceId.parse("block:/etc/exports"))).contains(expected);
    assertThat(state.dirty()).isTrue();
    state.save();
    assertThat(Files.readString(stateFile())).contains("\"format_version\":2");
    assertThat(StateStore.open(new RootFs(dir)).get(ResourceId.parse("block:/etc/exports")))
        .contains(expected);
  }

  @Test
  void anUnchangedStateIsNotRewritten() throws Exception {
    RootFs root = new RootFs(dir);
    StateStore state = StateStore.open(root);
    AppliedRecord record = new AppliedRecord("/etc/exports", StateKind.BLOCK, h("cc"), "t\n");
    state.put(ResourceId.parse("block:/etc/exports"), record);
    state.save();
    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(stateFile(), old);

    StateStore again = StateStore.open(root);
    again.put(ResourceId.parse("block:/etc/exports"), record);
    again.save();

    assertThat(Files.getLastModifiedTime(stateFile())).isEqualTo(old);
    again.remove(ResourceId.parse("block:/etc/exports"));
    again.save();
    assertThat(Files.getLastModifiedTime(stateFile())).isNotEqualTo(old);
  }

  @Test
  void anUnknownFormatIsRefused() throws Exception {
    Files.createDirectories(stateFile().getParent());
    Files.writeString(stateFile(), "{\"format_version\": 9, \"resources\": {}}");

    assertThatThrownBy(() -> StateStore.open(new RootFs(dir)))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("has state format 9");
  }

  @Test
  void encodeKeepsInsertionOrder() throws Exception {
    Map<ResourceId, AppliedRecord> records = new LinkedHashMap<>();
    records.put(ResourceId.parse("file:z"), new AppliedRecord("/z", StateKind.FILE, h("1"), "a"));
    records.put(ResourceId.parse("file:a"), new AppliedRecord("/a", StateKind.FILE, h("2"), "b"));
    Map<ResourceId, AppliedRecord> back = new LinkedHashMap<>();

    StateFileFormat.read(StateFileFormat.encode(records), back);

    assertThat(back).containsExactlyEntriesOf(records);
  }
}
