package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nfs.server: ganesha} under a root prefix: the exports go into a managed block of
 * ganesha.conf, the rest of it is kept, and neither /etc/exports nor nfs.conf is touched.
 */
class GaneshaExportsTest {

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
                "nfs: {server: ganesha, ganeshaConfig: /etc/ganesha/ganesha.conf,"
                    + " versions: {v2: false, v3: true}}"));
  }

  @Test
  void applyWritesAnExportBlockIntoGaneshaConfAndKeepsTheRest() throws Exception {
    Path conf = server.file("/etc/ganesha/ganesha.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, "NFS_CORE_PARAM {\n  Protocols = 3, 4;\n}\n");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("/etc/ganesha/ganesha.conf  NFS-Ganesha exports")
        .contains("restart nfs-ganesha")
        .doesNotContain("/etc/exports")
        .doesNotContain("nfs.conf");
    assertThat(Files.readString(conf))
        .startsWith("NFS_CORE_PARAM {\n  Protocols = 3, 4;\n}\n")
        .contains(
            "# BEGIN netroot\n",
            "EXPORT {\n  Export_Id = 1;\n  Path = \"/storage/diskless/cent55_root\";\n",
            "    Clients = 10.0.0.0/24;\n    Access_Type = RW;\n    Squash = No_Root_Squash;\n",
            "# END netroot\n");
    assertThat(server.file("/etc/exports")).doesNotExist();
    assertThat(server.file("/etc/nfs.conf")).doesNotExist();

    TestBootServer.Run again = server.agent("plan", "--detailed-exitcode");
    assertThat(again.exit()).as(again.out()).isZero();
  }

  @Test
  void anUnknownServerIsAnError() throws Exception {
    server.editSpec("boot.yaml", boot -> boot.replace("server: ganesha", "server: ganesh"));
    TestBootServer.Run validate = server.agent("plan");
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.err()).contains("spec.nfs.server \"ganesh\" is not one of kernel, ganesha");
  }
}
