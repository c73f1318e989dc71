package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.render.GaneshaExportsRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A boot server built by hand (its own dhcpd.conf with the subnet and the node's host block, an
 * exports line, a pxelinux.cfg/default with one label, pxelinux and the kernel and initrd under the
 * TFTP root) is taken over: {@code agent import} writes specs for it, {@code agent plan} on them
 * adopts the hand-made declarations, {@code agent apply} writes the files with each declaration
 * once, and a QEMU guest still PXE-boots from the result to its NFS root.
 *
 * <p>The kernel NFS server cannot run here, so NFS-Ganesha serves what the imported specs export
 * (rendered as netroot renders a Ganesha export), as in the other boot tests.
 */
class ImportedServerBootIT {

  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void aHandMadeServerImportedAndAppliedStillBootsItsNode() throws Exception {
    Path rom = PxeGuest.rom();
    String release = BootImages.debianKernel();
    E2eBootServer server = new E2eBootServer(dir);
    handMadeServer(server, release);
    String mark = "booted-" + UUID.randomUUID();
    Path image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);

    Path imported = dir.resolve("imported");
    NetworkLab.Result importRun =
        NetworkLab.run(
            List.of(
                "bin/agent",
                "import",
                "--root",
                server.root.toString(),
                "--out",
                imported.toString()),
            Duration.ofMinutes(2),
            false);
    assertThat(importRun.exit()).as("bin/agent import: %s", importRun.output()).isZero();

    NetworkLab.Result plan = agent("plan", imported, server);
    assertThat(plan.exit()).as("bin/agent plan: %s", plan.output()).isZero();
    assertThat(plan.output())
        .contains("* adopt  /etc/dhcp/dhcpd.conf")
        .contains("subnet 10.77.0.0/24")
        .contains("host node01")
        .contains("* adopt  /etc/exports");
    NetworkLab.Result apply = agent("apply", imported, server);
    assertThat(apply.exit()).as("bin/agent apply: %s", apply.output()).isZero();
    String dhcpd = Files.readString(server.path(E2eBootServer.DHCPD_CONF));
    assertThat(dhcpd.split("hardware ethernet " + E2eBootServer.HOST_MAC, -1)).hasSize(2);
    // nothing left to change; the kernel and initrd stay where the admin put them, in images/,
    // which netroot owns: plan lists them as extra (docs/IMPORT.md says what to do before --prune)
    NetworkLab.Result again = agent("plan", imported, server);
    assertThat(again.output())
        .contains("Plan: 0 to create, 0 to update, 0 to delete")
        .contains("? extra  /srv/tftp/images/vmlinuz");

    serveExportsWithGanesha(server, imported);
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, dir);
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);
      String cmdline =
          PxeGuest.boot(
              lab, rom, E2eBootServer.HOST_MAC, image.resolve(mark), "imported", BOOT_TIMEOUT);
      assertThat(cmdline)
          .contains("boot=nfs")
          .contains("nfsroot=10.77.0.1:/srv/nfsroot/e2e")
          .contains("console=ttyS0,115200");
    }
  }

  /** The files of a server set up by hand, as its admin would have written them. */
  private static void handMadeServer(E2eBootServer server, String release) throws Exception {
    write(
        server,
        E2eBootServer.DHCPD_CONF,
        """
        # written by hand
        ddns-update-style none;
        authoritative;

        subnet 10.77.0.0 netmask 255.255.255.0 {
          range 10.77.0.100 10.77.0.199;
          option routers 10.77.0.1;
          next-server 10.77.0.1;
          filename "pxelinux.0";
        }

        host node01 {
          hardware ethernet %s;
          fixed-address %s;
        }
        """
            .formatted(E2eBootServer.HOST_MAC, E2eBootServer.HOST_IP));
    write(
        server,
        "/etc/exports",
        E2eBootServer.IMAGE
            + "  10.77.0.0/255.255.255.0(rw,sync,no_subtree_check,no_root_squash)\n");
    write(server, "/etc/default/tftpd-hpa", "TFTP_DIRECTORY=\"" + E2eBootServer.TFTP_ROOT + "\"\n");
    write(
        server,
        E2eBootServer.TFTP_ROOT + "/pxelinux.cfg/default",
        """
        DEFAULT e2e
        PROMPT 0
        TIMEOUT 10
        LABEL e2e
          KERNEL images/vmlinuz
          INITRD images/initrd.img
          APPEND ip=dhcp boot=nfs nfsroot=10.77.0.1:%s,tcp,vers=3 console=ttyS0,115200 panic=5
        """
            .formatted(E2eBootServer.IMAGE));
    Path tftp = server.path(E2eBootServer.TFTP_ROOT);
    Files.createDirectories(tftp.resolve("images"));
    Files.copy(Path.of("/usr/lib/PXELINUX/pxelinux.0"), tftp.resolve("pxelinux.0"));
    Files.copy(Path.of("/usr/lib/syslinux/modules/bios/ldlinux.c32"), tftp.resolve("ldlinux.c32"));
    Files.copy(BootIT.KERNEL_DIR.resolve("vmlinuz"), tftp.resolve("images/vmlinuz"));
    BootImages.initrd(
        BootIT.KERNEL_DIR.resolve("lib/modules/" + release),
        server.root.getParent(),
        tftp.resolve("images/initrd.img"));
  }

  private static void write(E2eBootServer server, String serverPath, String text) throws Exception {
    Path file = server.path(serverPath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** What the imported specs export, as netroot renders it for NFS-Ganesha, into ganesha.conf. */
  private static void serveExportsWithGanesha(E2eBootServer server, Path specs) throws Exception {
    Path conf = server.path(E2eBootServer.GANESHA_CONF);
    String block =
        ManagedBlock.HASH_COMMENTS.wrap(
            new GaneshaExportsRenderer(SpecLoader.load(specs)).blockBody());
    Files.writeString(conf, ManagedBlock.HASH_COMMENTS.splice(Files.readString(conf), block));
  }

  private static NetworkLab.Result agent(String command, Path specs, E2eBootServer server) {
    Require.agentJar();
    return NetworkLab.run(
        List.of(
            "bin/agent", command, "--specs", specs.toString(), "--root", server.root.toString()),
        Duration.ofMinutes(2),
        false);
  }
}
