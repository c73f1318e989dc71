package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfsdVersionsTest {

  @TempDir Path rootDir;

  static Map<String, Boolean> debianDefaults() {
    Map<String, Boolean> versions = new LinkedHashMap<>();
    versions.put("2", false);
    versions.put("3", true);
    versions.put("4", true);
    versions.put("4.1", true);
    versions.put("4.2", true);
    return versions;
  }

  RootFs rootWith(String versions) throws Exception {
    Path file = rootDir.resolve("proc/fs/nfsd/versions");
    Files.createDirectories(file.getParent());
    Files.writeString(file, versions);
    return new RootFs(rootDir);
  }

  @Test
  void theSameVersionsAreUpToDate() throws Exception {
    NfsdVersions nfsd = new NfsdVersions(debianDefaults(), "nfs-kernel-server", List.of());
    RootFs root = rootWith("-2 +3 +4 +4.1 +4.2\n");
    assertThat(nfsd.observe(root).orElseThrow().asText()).isEqualTo(nfsd.desired().asText());
    assertThat(nfsd.desired().asText()).isEqualTo("-2 +3 +4 +4.1 +4.2\n");
    assertThat(nfsd.description()).isEqualTo("NFS versions nfsd serves");
  }

  @Test
  void differentVersionsSayToRestart() throws Exception {
    NfsdVersions nfsd = new NfsdVersions(debianDefaults(), "nfs-kernel-server", List.of());
    RootFs root = rootWith("+2 +3 +4 +4.1 +4.2\n");
    assertThat(nfsd.observe(root).orElseThrow().asText()).isEqualTo("+2 +3 +4 +4.1 +4.2\n");
    assertThat(nfsd.description())
        .contains("(now +2 +3 +4 +4.1 +4.2, not what nfs.conf asks for;")
        .contains("restart nfs-kernel-server");
    assertThat(nfsd.notifies()).containsExactly(ServiceAction.restart("nfs-kernel-server"));
  }

  @Test
  void onlyTheVersionsTheSpecSetsAreCompared() throws Exception {
    NfsdVersions nfsd = new NfsdVersions(Map.of("2", false), "nfs", List.of());
    assertThat(nfsd.observe(rootWith("-2 +3 -4 -4.1 -4.2\n")).orElseThrow().asText())
        .isEqualTo("-2\n");
    assertThat(nfsd.observe(rootWith("+3 +4.0 +4.1\n")).orElseThrow().asText()).isEqualTo("\n");
  }

  @Test
  void aMissingFileIsNothingToCompare() {
    NfsdVersions nfsd = new NfsdVersions(debianDefaults(), "nfs-kernel-server", List.of());
    RootFs root = new RootFs(rootDir);
    assertThat(nfsd.observe(root).orElseThrow().asText()).isEqualTo(nfsd.desired().asText());
    assertThat(nfsd.description()).contains("does not exist (nfsd not running?)");
  }

  @Test
  void writingAndRemovingLeaveTheFileAlone() throws Exception {
    NfsdVersions nfsd = new NfsdVersions(debianDefaults(), "nfs", List.of());
    RootFs root = rootWith("+2 +3\n");
    nfsd.write(root, nfsd.desired());
    nfsd.remove(root);
    assertThat(rootDir.resolve("proc/fs/nfsd/versions")).hasContent("+2 +3\n");
    assertThat(nfsd.backedUp()).isFalse();
    assertThat(nfsd.stateKind()).isEqualTo(Resource.StateKind.SETTINGS);
  }
}
