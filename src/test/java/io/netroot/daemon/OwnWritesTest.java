package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OwnWritesTest {

  @TempDir Path dir;

  @Test
  @Timeout(10)
  void deviceNodeIsNamedNotRead() {
    // /dev/urandom never ends: reading it would hang the pass that snapshots an image's /dev.
    assertThat(OwnWrites.hash(Path.of("/dev/urandom"))).startsWith("special:");
  }

  @Test
  void linkIsHashedByItsTargetNameNotItsTargetsBytes() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "root password");
    Path link = Files.createSymbolicLink(dir.resolve("fstab"), secret);
    assertThat(OwnWrites.hash(link)).isEqualTo("link:" + secret);
    Files.writeString(secret, "changed");
    assertThat(OwnWrites.hash(link)).isEqualTo("link:" + secret);
  }

  @Test
  void editOfRegularFileIsChangeAndMissingFileIsAbsent() throws Exception {
    Path file = Files.writeString(dir.resolve("default"), "LABEL a\n");
    OwnWrites writes = new OwnWrites();
    writes.passStarts();
    writes.passEnded(files(file, dir.resolve("missing")), Map.of());
    assertThat(writes.changed(file)).isFalse();
    Files.writeString(file, "LABEL b\n");
    assertThat(writes.changed(file)).isTrue();
    assertThat(OwnWrites.hash(dir.resolve("missing"))).isEqualTo("absent");
  }

  @Test
  void aWholeFileThePassVouchesForIsRecordedAsThePassLeftItWithoutARead() throws Exception {
    Path file = Files.writeString(dir.resolve("01-aa"), "LABEL edited after the look\n");
    OwnWrites writes = new OwnWrites();
    writes.passStarts();
    writes.passEnded(files(file), Map.of(file.toString(), vouched("LABEL a\n", false)));
    // the record is the pass's word, so the edit the pass never saw is a change
    assertThat(writes.changed(file)).isTrue();
    Files.writeString(file, "LABEL a\n");
    assertThat(writes.changed(file)).isFalse();
  }

  @Test
  void anEditMadeWhileAPassRunsIsHeldAndNamedWhenThePassEnds() throws Exception {
    Path file = Files.writeString(dir.resolve("01-aa"), "LABEL a\n");
    OwnWrites writes = recordedByAPass(file);

    writes.passStarts();
    Files.writeString(file, "LABEL a\n# hand edit\n");
    assertThat(writes.changed(file)).as("held while the pass runs").isFalse();
    Set<Path> edited =
        writes.passEnded(files(file), Map.of(file.toString(), vouched("LABEL a\n", false)));

    assertThat(edited).containsExactly(file);
  }

  @Test
  void thePassesOwnWriteSeenWhileItRunsIsNotAHandEdit() throws Exception {
    Path file = Files.writeString(dir.resolve("01-aa"), "LABEL a\n");
    OwnWrites writes = recordedByAPass(file);

    writes.passStarts();
    Files.writeString(file, "LABEL b\n");
    writes.changed(file);
    Set<Path> edited =
        writes.passEnded(files(file), Map.of(file.toString(), vouched("LABEL b\n", true)));

    assertThat(edited).isEmpty();
    assertThat(writes.changed(file)).isFalse();
  }

  @Test
  void aSharedFileThePassDidNotWriteIsComparedWithHowThePassBeforeLeftIt() throws Exception {
    Path conf = Files.writeString(dir.resolve("dhcpd.conf"), "# block\n");
    Path exports = Files.writeString(dir.resolve("exports"), "/srv 10.0.0.0/8(ro)\n");
    OwnWrites writes = recordedByAPass(conf, exports);

    writes.passStarts();
    Files.writeString(conf, "# block\noption edited;\n");
    Files.writeString(exports, "/srv 10.0.0.0/8(rw)\n");
    writes.changed(conf);
    writes.changed(exports);
    Set<Path> edited =
        writes.passEnded(
            files(conf, exports),
            Map.of(
                conf.toString(), OwnWrites.LeftAs.unknown(false),
                exports.toString(), OwnWrites.LeftAs.unknown(true)));

    assertThat(edited).as("the pass wrote the exports itself: no telling").containsExactly(conf);
    assertThat(writes.changed(conf)).as("recorded as it is now").isFalse();
  }

  @Test
  void aPassThatFailedBeforeItKnewItsFilesKeepsTheRecordAndStillJudgesWhatItHeld()
      throws Exception {
    Path file = Files.writeString(dir.resolve("01-aa"), "LABEL a\n");
    OwnWrites writes = recordedByAPass(file);

    writes.passStarts();
    Files.writeString(file, "LABEL z\n");
    writes.changed(file);
    assertThat(writes.passEnded(null, Map.of())).containsExactly(file);
    assertThat(writes.changed(file)).isTrue();
  }

  @Test
  void aFileNoLongerManagedIsNotAHandEdit() throws Exception {
    Path file = Files.writeString(dir.resolve("01-aa"), "LABEL a\n");
    OwnWrites writes = recordedByAPass(file);

    writes.passStarts();
    Files.delete(file);
    writes.changed(file);
    assertThat(writes.passEnded(Map.of(), Map.of())).isEmpty();
    assertThat(writes.changed(file)).isFalse();
  }

  /** The record a first pass that read {@code files} leaves. */
  private static OwnWrites recordedByAPass(Path... files) {
    OwnWrites writes = new OwnWrites();
    writes.passStarts();
    writes.passEnded(files(files), Map.of());
    return writes;
  }

  /** Managed files named by their own paths, as under the root {@code /}. */
  private static Map<String, Path> files(Path... files) {
    Map<String, Path> named = new HashMap<>();
    for (Path file : files) {
      named.put(file.toString(), file);
    }
    return named;
  }

  private static OwnWrites.LeftAs vouched(String content, boolean written) {
    return OwnWrites.LeftAs.content(Sha256.of(content.getBytes(StandardCharsets.UTF_8)), written);
  }
}
