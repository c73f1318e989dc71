package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EXPORT block that {@code bin/agent apply} wrote into ganesha.conf ({@code nfs.server:
 * ganesha}), served by a real NFS-Ganesha (FSAL VFS, with rpcbind) and listed by libnfs's {@code
 * nfs-ls} from another namespace over NFSv3 and NFSv4.
 */
class NfsIT {

  @TempDir Path dir;

  @Test
  void ganeshaServesTheRootImageOverNfsV3AndV4() throws Exception {
    E2eBootServer server = E2eBootServer.withStubBoot(dir, E2eBootServer.Dhcp.ISC);
    String mark = "mark-" + UUID.randomUUID();
    Files.writeString(server.path(E2eBootServer.IMAGE).resolve(mark), "hello\n");
    server.apply();
    assertThat(Files.readString(server.path(E2eBootServer.GANESHA_CONF)))
        .as("the admin's lines are kept before netroot's block")
        .startsWith("NFS_CORE_PARAM {")
        .contains("# BEGIN netroot\n")
        .contains("Path = \"/srv/nfsroot/e2e\";");
    String nfsLs = Require.program("nfs-ls", "libnfs-utils");

    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), E2eBootServer.HOST_MAC)) {
      lab.ip(lab.client, "addr", "add", E2eBootServer.HOST_IP + "/24", "dev", "eth0");
      Daemons.ganesha(lab, server);
      for (int version : List.of(3, 4)) {
        String url = "nfs://" + NetworkLab.SERVER_IP + E2eBootServer.IMAGE + "?version=" + version;
        NetworkLab.Result result =
            lab.exec(lab.client, Duration.ofSeconds(60), List.of(nfsLs, url));
        assertThat(result.output())
            .as("nfs-ls %s (exit %d)%s", url, result.exit(), lab.logsText())
            .contains(mark)
            .contains("etc");
        assertThat(result.exit()).isZero();
      }
    }
  }
}
