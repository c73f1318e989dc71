package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfsConfTest {

  @TempDir Path root;

  @Test
  void readsNfsdKeysWithDropInsWinning() throws Exception {
    Files.createDirectories(root.resolve("etc/nfs.conf.d"));
    Files.writeString(
        root.resolve("etc/nfs.conf"),
        "[general]\nvers3=n\n[NFSD]\n# vers2=y\n Vers3 = y\nudp=n\nthreads=8\n[mountd]\nvers4=n\n");
    Files.writeString(root.resolve("etc/nfs.conf.d/local.conf"), "[nfsd]\nudp=yes\n");
    Files.writeString(root.resolve("etc/nfs.conf.d/ignored.txt"), "[nfsd]\nvers4=n\n");
    NfsConf conf = NfsConf.read(new ServerFiles(root));
    assertThat(conf.nfsd()).containsOnlyKeys("vers3", "udp", "threads");
    assertThat(conf.flag("vers3")).isTrue();
    assertThat(conf.flag("udp")).isTrue();
    assertThat(conf.nfsd().get("udp").where()).isEqualTo("/etc/nfs.conf.d/local.conf:2");
    assertThat(conf.flag("threads")).isNull();
    assertThat(conf.flag("vers4")).isNull();
  }
}
