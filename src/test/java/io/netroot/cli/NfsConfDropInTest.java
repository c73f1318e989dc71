package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With /etc/nfs.conf.d present and no nfs.confFile, the [nfsd] keys go to netroot's drop-in. */
class NfsConfDropInTest {

  static final String HAND_MADE = "[nfsd]\nthreads=16\nvers3=n\n";

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
                "nfs: {exportsFile: /etc/exports, service: nfs-server, versions: {v3: true}}"));
    Files.createDirectories(server.file("/etc/nfs.conf.d"));
    Files.writeString(server.file("/etc/nfs.conf"), HAND_MADE);
  }

  @Test
  void theKeysGoToTheDropInAndNfsConfIsLeftAlone() throws Exception {
    TestBootServer.Run apply = server.agent("apply");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("/etc/nfs.conf.d/netroot.conf");
    assertThat(server.file("/etc/nfs.conf.d/netroot.conf")).hasContent("[nfsd]\nvers3=y\n");
    assertThat(server.file("/etc/nfs.conf")).hasContent(HAND_MADE.strip());
  }

  @Test
  void withoutTheDirectoryTheKeysGoToNfsConf() throws Exception {
    Files.delete(server.file("/etc/nfs.conf.d"));

    assertThat(server.agent("apply").exit()).isZero();

    assertThat(server.file("/etc/nfs.conf")).hasContent("[nfsd]\nthreads=16\nvers3=y");
    assertThat(server.file("/etc/nfs.conf.d")).doesNotExist();
  }

  @Test
  void anExplicitConfFileWinsOverTheDropIn() throws Exception {
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace(
                "versions: {v3: true}", "versions: {v3: true}," + " confFile: /etc/nfs.conf"));

    assertThat(server.agent("apply").exit()).isZero();

    assertThat(server.file("/etc/nfs.conf")).hasContent("[nfsd]\nthreads=16\nvers3=y");
    assertThat(server.file("/etc/nfs.conf.d/netroot.conf")).doesNotExist();
  }
}
