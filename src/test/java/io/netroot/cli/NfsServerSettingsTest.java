package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nfs.versions and nfs.udp end to end under a root prefix: the [nfsd] keys of nfs.conf, and the
 * versions the running nfsd shows in /proc/fs/nfsd/versions.
 */
class NfsServerSettingsTest {

  static final String NFS_CONF =
      "# written by hand\n[general]\n\n[nfsd]\n# vers3=y\nthreads=16\nvers2=y\n\n[mountd]\n";

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace(
                "nfs: {exportsFile: /etc/exports, service: nfs-server}",
                "nfs: {exportsFile: /etc/exports, service: nfs-server,"
                    + " versions: {v2: false, v3: true, v4: true, v4.1: true, v4.2: true},"
                    + " udp: false}"));
    write("/etc/nfs.conf", NFS_CONF);
    write("/proc/fs/nfsd/versions", "+2 +3 +4 +4.1 +4.2\n");
  }

  void write(String serverPath, String text) throws Exception {
    Path file = server.file(serverPath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
  }

  @Test
  void applySetsTheKeysAndNfsdVersionsShowWhetherTheServerWasRestarted() throws Exception {
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update /etc/nfs.conf  NFS server versions and transports")
        .contains("/proc/fs/nfsd/versions  NFS versions nfsd serves (now +2 +3 +4")
        .contains("restart nfs-server to apply it")
        .contains("+vers2=n")
        .contains("-+2 +3 +4 +4.1 +4.2")
        .contains("would restart nfs-server");
    assertThat(plan.out().lines().filter(line -> line.contains("update /proc/fs/nfsd/versions")))
        .singleElement()
        .satisfies(line -> assertThat(line).doesNotContain("backup"));

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(server.file("/etc/nfs.conf"))
        .hasContent(
            "# written by hand\n[general]\n\n[nfsd]\n# vers3=y\nthreads=16\nvers2=n\n"
                + "vers3=y\nvers4=y\nvers4.1=y\nvers4.2=y\nudp=n\ntcp=y\n\n[mountd]\n");
    assertThat(server.file("/proc/fs/nfsd/versions")).hasContent("+2 +3 +4 +4.1 +4.2\n");

    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).as(drift.out()).isEqualTo(2);
    assertThat(drift.out())
        .contains("/proc/fs/nfsd/versions")
        .contains("restart nfs-server")
        .doesNotContain("/etc/nfs.conf");

    write("/proc/fs/nfsd/versions", "-2 +3 +4 +4.1 +4.2\n");
    assertThat(server.agent("drift").exit()).isZero();
    TestBootServer.Run again = server.agent("plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
  }

  @Test
  void withoutARunningNfsdThereIsNothingToCompare() throws Exception {
    Files.delete(server.file("/proc/fs/nfsd/versions"));
    assertThat(server.agent("apply").exit()).isZero();
    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isZero();
    assertThat(server.agent("drift").exit()).isZero();
  }

  @Test
  void removingTheSettingsFromTheSpecLeavesTheFilesAlone() throws Exception {
    assertThat(server.agent("apply").exit()).isZero();
    String applied = Files.readString(server.file("/etc/nfs.conf"));
    server.editSpec(
        "boot.yaml", boot -> boot.replaceAll(", versions: \\{[^}]*\\}, udp: false", ""));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(server.file("/etc/nfs.conf")).hasContent(applied);
    assertThat(server.file("/proc/fs/nfsd/versions")).hasContent("+2 +3 +4 +4.1 +4.2\n");
  }

  @Test
  void theKernelsReleaseIsInThePlan() throws Exception {
    byte[] image = new byte[0x3000];
    System.arraycopy("HdrS".getBytes(StandardCharsets.US_ASCII), 0, image, 0x202, 4);
    image[0x20E] = (byte) 0x00;
    image[0x20F] = (byte) 0x1e;
    byte[] version = "6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1".getBytes();
    System.arraycopy(version, 0, image, 0x2000, version.length);
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), image);
    assertThat(server.agent("plan").out())
        .contains("kernel linux-nfs1 6.1.0-18-amd64 (from " + server.specs.resolve("kernels"));
  }

  @Test
  void aKernelWithoutAReadableReleaseIsShownWithoutOne() throws Exception {
    assertThat(server.agent("plan").out()).contains("kernel linux-nfs1 (from ");
    Files.delete(server.specs.resolve("kernels/vmlinuz-nfs1"));
    assertThat(server.agent("plan").out())
        .contains("kernel linux-nfs1 (from ")
        .contains("does not exist");
  }
}
