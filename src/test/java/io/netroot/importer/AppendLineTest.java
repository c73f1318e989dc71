package io.netroot.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.RootMethod;
import org.junit.jupiter.api.Test;

class AppendLineTest {

  @Test
  void theKernelsOwnNfsRoot() {
    AppendLine a =
        AppendLine.parse(
            "ip=::::::dhcp text rootfstype=nfs root=/dev/nfs nfsroot=10.0.0.1:/diskless/cent55_root,tcp,vers=3");
    assertThat(a.problem()).isNull();
    assertThat(a.method()).isEqualTo(RootMethod.KERNEL);
    assertThat(a.server()).isEqualTo("10.0.0.1");
    assertThat(a.path()).isEqualTo("/diskless/cent55_root");
    assertThat(a.nfsOptions()).containsExactly("tcp", "vers=3");
    assertThat(a.kernelArgs()).containsExactly("text", "rootfstype=nfs");
    assertThat(a.ownIp()).isTrue();
  }

  @Test
  void initramfsToolsAndDracut() {
    AppendLine tools =
        AppendLine.parse("initrd=d/initrd.img ip=dhcp boot=nfs nfsroot=10.5.5.3:/srv/root quiet");
    assertThat(tools.method()).isEqualTo(RootMethod.INITRAMFS_TOOLS);
    assertThat(tools.initrds()).containsExactly("d/initrd.img");
    assertThat(tools.kernelArgs()).containsExactly("quiet");
    AppendLine dracut =
        AppendLine.parse(
            "ksdevice=bootif lang=  ip=dhcp root=nfs:192.168.1.1:/srv/c7:vers=3,tcp rd.neednet=1");
    assertThat(dracut.method()).isEqualTo(RootMethod.DRACUT);
    assertThat(dracut.path()).isEqualTo("/srv/c7");
    assertThat(dracut.nfsOptions()).containsExactly("vers=3", "tcp");
    assertThat(dracut.kernelArgs()).containsExactly("ksdevice=bootif", "lang=", "rd.neednet=1");
  }

  @Test
  void anIpOtherThanNetrootsStaysAnArgumentAndIsNoted() {
    AppendLine a = AppendLine.parse("ip=eth0:dhcp root=/dev/nfs nfsroot=10.0.0.1:/r");
    assertThat(a.ownIp()).isFalse();
    assertThat(a.kernelArgs()).containsExactly("ip=eth0:dhcp");
  }

  @Test
  void whatIsNotAnNfsRootFromAServerIsAProblem() {
    assertThat(AppendLine.parse("ro initrd=bootstrap/5/initfs.gz wwhostname=n0000").problem())
        .contains("mounts no root over NFS");
    assertThat(AppendLine.parse("nfsroot=10.0.0.1:/r").problem()).contains("not clear who mounts");
    assertThat(AppendLine.parse("root=/dev/nfs nfsroot=/r").problem()).contains("names no server");
    assertThat(AppendLine.parse("root=nfs:/r").problem()).contains("names no server");
  }
}
