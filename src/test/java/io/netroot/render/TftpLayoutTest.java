package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Kernel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TftpLayoutTest {

  @Test
  void paths() {
    assertThat(TftpLayout.menuConfig()).isEqualTo("pxelinux.cfg/default");
    assertThat(TftpLayout.hostConfig(RenderFixtures.seed().hosts().get(0)))
        .isEqualTo("pxelinux.cfg/01-08-00-2b-4c-59-23");
    Kernel nfs1 = RenderFixtures.nfs1Kernel();
    assertThat(TftpLayout.kernelImage(nfs1)).isEqualTo("images/linux-nfs1/vmlinuz-nfs1");
    assertThat(TftpLayout.kernelInitrd(nfs1)).isNull();
    Kernel withInitrd =
        new Kernel(
            "k", Path.of("/a/vmlinuz"), Path.of("/b/initrd.img"), null, RenderFixtures.origin("k"));
    assertThat(TftpLayout.kernelInitrd(withInitrd)).isEqualTo("images/k/initrd.img");
  }
}
