package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/boot-node} refuses what it cannot serve before it starts anything: a root that apply
 * did not write, a host that is not there, and a PXE file whose {@code nfsroot} would make it
 * export a path it should not. No namespace or process is left behind. (Its boot to the login
 * prompt is shown by {@code bin/demo --boot}; it takes minutes under software emulation.)
 */
class BootNodeScriptIT {

  @TempDir Path root;

  @BeforeEach
  void programs() {
    Require.root();
    Require.program("qemu-system-x86_64", "qemu-system-x86");
    Require.program("ganesha.nfsd", "nfs-ganesha");
  }

  /** An applied-looking root for node01 whose PXE file boots {@code nfsroot}. */
  void applied(String nfsroot, String exports) throws Exception {
    Files.createDirectories(root.resolve("etc/dhcp"));
    Files.writeString(
        root.resolve("etc/dhcp/dhcpd.conf"),
        """
        subnet 10.77.0.0 netmask 255.255.255.0 {
          host node01 {
            hardware ethernet 52:54:00:77:00:11;
            fixed-address 10.77.0.11;
          }
        }
        """);
    Path cfg = Files.createDirectories(root.resolve("srv/tftp/pxelinux.cfg"));
    Files.writeString(root.resolve("srv/tftp/pxelinux.0"), "bootloader");
    Files.writeString(
        cfg.resolve("01-52-54-00-77-00-11"),
        "LABEL x\n  APPEND ip=dhcp boot=nfs nfsroot=" + nfsroot + ",tcp ro\n");
    Files.createDirectories(root.resolve("srv/nfsroot/bookworm"));
    Files.writeString(root.resolve("etc/exports"), exports);
  }

  NetworkLab.Result bootNode(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("bin/boot-node"));
    command.addAll(List.of(args));
    return NetworkLab.run(command, Duration.ofSeconds(30), false);
  }

  @Test
  void withoutARootItSaysHowToCallIt() {
    NetworkLab.Result run = bootNode();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("usage: bin/boot-node ROOT [HOST]");
  }

  @Test
  void aRootApplyDidNotWriteIsRefused() {
    NetworkLab.Result run = bootNode(root.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("dhcpd.conf is missing: run bin/agent apply --root " + root);
  }

  @Test
  void anUnknownHostIsRefused() throws Exception {
    applied("10.77.0.1:/srv/nfsroot/bookworm", "/srv/nfsroot/bookworm 10.77.0.0/24(ro)\n");
    NetworkLab.Result run = bootNode(root.toString(), "node09");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("no host node09 in " + root + "/etc/dhcp/dhcpd.conf");
  }

  @Test
  void anNfsrootPathThatClimbsOutIsNotServed() throws Exception {
    applied("10.77.0.1:/srv/../etc", "/srv/../etc 10.77.0.0/24(rw)\n");
    NetworkLab.Result run = bootNode(root.toString(), "node01");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("unusual nfsroot path, not served: /srv/../etc");
  }

  @Test
  void aPathTheExportsDoNotNameIsNotServed() throws Exception {
    applied("10.77.0.1:/srv/nfsroot/bookworm", "# nothing exported\n");
    NetworkLab.Result run = bootNode(root.toString(), "node01");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains(root + "/etc/exports does not export /srv/nfsroot/bookworm");
    assertThat(
            NetworkLab.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10), true).output())
        .doesNotContain("nrboot");
  }
}
