package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Firmware;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.RootMethod;
import io.netroot.spec.SecureBoot;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelCommandLineTest {

  @Test
  void kernelNfsRootWithOptionsThenProfileArguments() {
    assertThat(
            KernelCommandLine.of(
                RenderFixtures.server("bootsrv", "10.0.0.1", 50, "local"),
                RenderFixtures.centos55Profile(),
                RenderFixtures.cent55Image(),
                RootMethod.KERNEL))
        .isEqualTo(
            "ip=::::::dhcp root=/dev/nfs"
                + " nfsroot=10.0.0.1:/storage/diskless/cent55_root,tcp,vers=3 text");
  }

  @Test
  void noOptionsAndNoArgumentsLeaveNoTrailingCommaOrSpace() {
    Profile bare =
        new Profile(
            "bare",
            "linux-nfs1",
            "cent55",
            List.of(),
            List.of(),
            null,
            Firmware.AUTO,
            Loader.SYSLINUX,
            SecureBoot.OPTIONAL,
            RenderFixtures.origin("p.yaml"));
    assertThat(
            KernelCommandLine.of(
                RenderFixtures.server("s", "192.168.1.5", 50, "local"),
                bare,
                RenderFixtures.cent55Image(),
                RootMethod.KERNEL))
        .isEqualTo("ip=::::::dhcp root=/dev/nfs nfsroot=192.168.1.5:/storage/diskless/cent55_root");
  }

  @Test
  void ipArgumentLeavesEveryFieldBeforeAutoconfEmpty() {
    String line =
        KernelCommandLine.of(
            RenderFixtures.server("s", "10.0.0.1", 50, "local"),
            RenderFixtures.centos55Profile(),
            RenderFixtures.cent55Image(),
            RootMethod.KERNEL);
    String ip = line.substring(0, line.indexOf(' '));
    // <client>:<server>:<gw>:<netmask>:<hostname>:<device>:<autoconf>
    assertThat(ip.substring(3).split(":", -1)).containsExactly("", "", "", "", "", "", "dhcp");
  }

  @Test
  void initramfsToolsMountsTheRootWithBootNfs() {
    assertThat(
            KernelCommandLine.of(
                RenderFixtures.server("s", "10.0.0.1", 50, "local"),
                RenderFixtures.centos55Profile(),
                RenderFixtures.cent55Image(),
                RootMethod.INITRAMFS_TOOLS))
        .isEqualTo(
            "ip=dhcp boot=nfs nfsroot=10.0.0.1:/storage/diskless/cent55_root,tcp,vers=3 text");
  }

  @Test
  void dracutTakesTheOptionsAfterAColon() {
    assertThat(
            KernelCommandLine.of(
                RenderFixtures.server("s", "10.0.0.1", 50, "local"),
                RenderFixtures.centos55Profile(),
                RenderFixtures.cent55Image(),
                RootMethod.DRACUT))
        .isEqualTo("ip=dhcp root=nfs:10.0.0.1:/storage/diskless/cent55_root:tcp,vers=3 text");
  }
}
