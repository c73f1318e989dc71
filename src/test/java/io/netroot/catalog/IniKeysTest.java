package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.RootFs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniKeysTest {

  @TempDir Path rootDir;

  static IniKeys nfsd(Map<String, String> keys) {
    return new IniKeys(
        "/etc/nfs.conf",
        "NFS server versions",
        "nfsd",
        keys,
        List.of(),
        List.of(ServiceAction.restart("nfs-kernel-server")));
  }

  static Map<String, String> versionsOff2() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("vers2", "n");
    keys.put("vers3", "y");
    keys.put("udp", "n");
    keys.put("tcp", "y");
    return keys;
  }

  static String resource(String name) throws Exception {
    try (InputStream in = IniKeysTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void commentedKeysAreNotKeysSoMissingOnesGoAtTheEndOfTheSection() throws Exception {
    String debian = resource("debian.nfs.conf");
    String edited = nfsd(versionsOff2()).edit(debian);
    assertThat(edited)
        .isEqualTo(
            debian.replace(
                "# rdma-port=20049\n", "# rdma-port=20049\nvers2=n\nvers3=y\nudp=n\ntcp=y\n"));
  }

  @Test
  void presentKeysChangeInPlaceKeepingSpacingCommentsAndLineEndings() {
    String conf =
        "[general]\r\nvers3 = n\r\n[NFSD]\r\n  Vers3 = n   # was off\r\nudp=y\r\n"
            + "threads=16\r\n\r\n[mountd]\r\nudp=y\r\n";
    String edited = nfsd(versionsOff2()).edit(conf);
    assertThat(edited)
        .isEqualTo(
            "[general]\r\nvers3 = n\r\n[NFSD]\r\n  Vers3 = y   # was off\r\nudp=n\r\n"
                + "threads=16\r\nvers2=n\ntcp=y\n\r\n[mountd]\r\nudp=y\r\n");
  }

  @Test
  void aMissingSectionIsAddedAtTheEndAndAMissingFileIsCreated() {
    Map<String, String> keys = Map.of("udp", "n");
    assertThat(nfsd(keys).edit("[general]\nx=1")).isEqualTo("[general]\nx=1\n\n[nfsd]\nudp=n\n");
    assertThat(nfsd(keys).edit("")).isEqualTo("[nfsd]\nudp=n\n");
    assertThat(nfsd(keys).edit("[nfsd]")).isEqualTo("[nfsd]\nudp=n\n");
  }

  @Test
  void everyOccurrenceChangesAndTheLastIsWhatIsObserved() throws Exception {
    Path conf = rootDir.resolve("etc/nfs.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, "[nfsd]\nudp=n\n[nfsd]\nudp=y\n");
    RootFs root = new RootFs(rootDir);
    IniKeys keys = nfsd(Map.of("udp", "n"));
    assertThat(keys.observe(root))
        .get()
        .satisfies(c -> assertThat(c.asText()).isEqualTo("udp=y\n"));
    assertThat(keys.desired().asText()).isEqualTo("udp=n\n");
    keys.write(root, keys.desired());
    assertThat(conf).hasContent("[nfsd]\nudp=n\n[nfsd]\nudp=n\n");
    assertThat(keys.observe(root))
        .get()
        .satisfies(c -> assertThat(c.asText()).isEqualTo("udp=n\n"));
  }

  @Test
  void observesOnlyTheManagedKeysThatArePresent() throws Exception {
    Path conf = rootDir.resolve("etc/nfs.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, resource("debian.nfs.conf"));
    RootFs root = new RootFs(rootDir);
    IniKeys keys = nfsd(versionsOff2());
    assertThat(keys.observe(root)).get().satisfies(c -> assertThat(c.asText()).isEmpty());
    keys.write(root, keys.desired());
    assertThat(keys.observe(root).orElseThrow().asText()).isEqualTo(keys.desired().asText());
    assertThat(Files.readString(conf)).startsWith(resource("debian.nfs.conf").substring(0, 100));
  }

  @Test
  void anAbsentFileIsObservedAsAbsentAndRemoveLeavesTheKeys() throws Exception {
    RootFs root = new RootFs(rootDir);
    IniKeys keys = nfsd(versionsOff2());
    assertThat(keys.observe(root)).isEmpty();
    keys.write(root, keys.desired());
    keys.remove(root);
    assertThat(rootDir.resolve("etc/nfs.conf"))
        .hasContent("[nfsd]\nvers2=n\nvers3=y\nudp=n\ntcp=y\n");
    assertThat(keys.id().value()).isEqualTo("keys:/etc/nfs.conf[nfsd]");
  }
}
