package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the admin wrote by hand, which netroot's block, keys or fstab root line are not in yet:
 * plan shows an update of that file, with the whole file in the diff, and apply keeps every line of
 * it.
 */
class PartAddedToExistingFileTest {

  static final String EXPORTS = "# by hand\n/home 10.0.0.0/24(ro,sync)\n";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  void write(String serverPath, String text) throws Exception {
    Path file = server.file(serverPath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
  }

  @Test
  void aBlockAddedToAnExistingFileIsAnUpdateShownWithTheLinesItKeeps() throws Exception {
    write("/etc/exports", EXPORTS);

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains(
            "~ update /etc/exports  NFS exports: adds netroot's block to the existing file"
                + " (a backup will be kept)")
        .doesNotContain("+ create /etc/exports")
        .contains("--- /etc/exports (on disk)\n+++ /etc/exports (planned)\n")
        .contains("\n # by hand\n /home 10.0.0.0/24(ro,sync)\n+# BEGIN netroot\n")
        .contains("\n+/storage/diskless/cent55_root 10.0.0.0/24(rw,sync,no_root_squash)\n")
        .contains("Plan: 18 to create, 1 to update, 0 to delete, 0 unchanged.");
    assertThat(Files.readString(server.file("/etc/exports"))).isEqualTo(EXPORTS);

    TestBootServer.Run json = server.agent("plan", "--json");
    JsonNode exports = change(new ObjectMapper().readTree(json.out()), "block:/etc/exports");
    assertThat(exports.get("action").asText()).isEqualTo("update");
    assertThat(exports.get("reason").asText())
        .isEqualTo("adds netroot's block to the existing file");
    assertThat(exports.get("before_sha256").isNull()).as("no block on disk").isTrue();
    assertThat(exports.get("diff").asText()).contains(" /home 10.0.0.0/24(ro,sync)\n+# BEGIN");
    assertThat(new ObjectMapper().readTree(json.out()).get("summary").get("update").asInt())
        .isEqualTo(1);
  }

  @Test
  void applyKeepsTheAdminsLinesAndAddsTheBlockAsWithoutTheChange() throws Exception {
    // the block as apply writes it into a file that was not there
    TestBootServer fresh = new TestBootServer(dir.resolve("fresh"));
    assertThat(fresh.agent("apply").exit()).isZero();
    String block = Files.readString(fresh.file("/etc/exports"));
    assertThat(block).startsWith("# BEGIN netroot\n");

    write("/etc/exports", EXPORTS);
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("~ update /etc/exports  NFS exports: adds netroot's block to the existing file")
        .contains("Applied: 18 created, 1 updated");
    assertThat(Files.readString(server.file("/etc/exports"))).isEqualTo(EXPORTS + block);

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isZero();
    assertThat(plan.out()).contains("nothing to change");
    assertThat(server.agent("drift").exit()).isZero();
  }

  @Test
  void aFileThatIsNotThereIsStillCreated() {
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("+ create /etc/exports  NFS exports: new")
        .contains("--- /dev/null\n+++ /etc/exports (planned)\n");
  }

  @Test
  void keysAddedToAnExistingFileAreAnUpdateShownWithTheLinesTheyKeep() throws Exception {
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace(
                "nfs: {exportsFile: /etc/exports, service: nfs-server}",
                "nfs: {exportsFile: /etc/exports, service: nfs-server, udp: false}"));
    write("/etc/nfs.conf", "# by hand\n[nfsd]\nthreads=16\n");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update /etc/nfs.conf")
        .contains(": adds netroot's keys to the existing file")
        .contains("--- /etc/nfs.conf (on disk)\n")
        .contains(" [nfsd]\n threads=16\n+udp=n\n");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/etc/nfs.conf"))
        .content()
        .startsWith("# by hand\n[nfsd]\nthreads=16\nudp=n\n");
    TestBootServer.Run again = server.agent("plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
  }

  @Test
  void aRootLineAddedToAnImagesFstabIsAnUpdateShownWithTheLinesItKeeps() throws Exception {
    String fstab = "/storage/diskless/cent55_root/etc/fstab";
    write(fstab, "# static file system information\nproc /proc proc defaults 0 0\n");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update " + fstab)
        .contains(": adds netroot's root line to the existing file")
        .contains("--- " + fstab + " (on disk)\n")
        .contains(
            " # static file system information\n"
                + "+10.0.0.1:/storage/diskless/cent55_root / nfs rw,tcp,vers=3 0 0\n"
                + " proc /proc proc defaults 0 0\n");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file(fstab))
        .hasContent(
            "# static file system information\n"
                + "10.0.0.1:/storage/diskless/cent55_root / nfs rw,tcp,vers=3 0 0\n"
                + "proc /proc proc defaults 0 0");
    TestBootServer.Run again = server.agent("plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
  }

  private static JsonNode change(JsonNode doc, String id) {
    for (JsonNode change : doc.get("changes")) {
      if (change.get("id").asText().equals(id)) {
        return change;
      }
    }
    throw new AssertionError("no change " + id + " in " + doc);
  }
}
