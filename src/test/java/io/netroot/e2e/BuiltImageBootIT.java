package io.netroot.e2e;

import static io.netroot.e2e.BootImages.one;
import static io.netroot.e2e.BootImages.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root image netroot builds itself, booted by two nodes at once, then rebuilt with dracut under a
 * running node: {@code bin/agent apply} builds a Debian bookworm image from packages with the real
 * mmdebstrap ({@code spec.build}), read-only with a tmpfs overlay per node, puts the test's {@code
 * /etc/rc.local} into it ({@code spec.files}) and publishes the image's own kernel and initramfs
 * ({@code Kernel fromImage}, initramfs-tools). Two QEMU guests (software emulation, the iPXE ROM of
 * an e1000) then PXE-boot from dhcpd, tftpd-hpa and NFS-Ganesha at the same time, each to systemd's
 * multi-user.target.
 *
 * <p>While one of them runs on, the specs change to {@code rootMethod: dracut} with one package
 * more: apply builds the next generation, whose initramfs dracut makes with netroot's modules
 * (netroot adds dracut, dracut-network, netbase, nfs-common and procps), and switches to it. A UEFI
 * guest (OVMF, the e1000's EFI iPXE driver, syslinux.efi) then boots that generation with {@code
 * ip=dhcp root=nfs:…} to the same point, and must keep its DHCP address for good (dhclient, which
 * gave it, is gone). One build per root method, so the two builds of the suite are shared.
 *
 * <p>The image's {@code /etc/rc.local} waits until systemd has finished booting, prints a report to
 * the serial console (each line {@code netroot-e2e HOSTNAME KEY=VALUE}), writes {@code
 * /var/tmp/written-by-HOSTNAME}, lists {@code /var/tmp} a while later and powers off. The test
 * asserts that each node is {@code running} with no failed unit, has the name of its Host (from
 * DHCP), has {@code /} as an overlay over the NFS root, and sees neither the other node's file nor
 * leaves its own in the image.
 *
 * <p>The builds download about 150 MB once; the packages are kept in {@link
 * E2eBootServer#PACKAGES}, outside the repository, through the spec's {@code packageCache}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuiltImageBootIT {

  static final String IMAGE = "/srv/nfsroot/bookworm";
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(25);
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(8);

  /** The nodes: Host name, MAC, address. */
  static final List<NodeBoots.Node> NODES =
      List.of(
          new NodeBoots.Node("node01", "52:54:00:77:00:21", "10.77.0.21", true),
          new NodeBoots.Node("node02", "52:54:00:77:00:22", "10.77.0.22", false));

  /** A node that boots the dracut generation with UEFI firmware. */
  static final NodeBoots.Node UEFI_NODE =
      new NodeBoots.Node("node03", "52:54:00:77:00:23", "10.77.0.23", false);

  /** The specs, the server's root with the built image, and the logs: one for the class. */
  Path dir;

  E2eBootServer server;

  /** The lab with dhcpd, tftpd-hpa and Ganesha, shared by the tests; closed after the last. */
  NetworkLab lab;

  SyslogSocket syslog;

  /** The NFS servers' processes, replaced when Ganesha is restarted after a switch. */
  List<Process> nfs;

  /** The guests of the class, booted and checked; a staying node runs on into the next test. */
  NodeBoots boots;

  /** The packages of the first build. */
  static final List<String> PACKAGES_FIRST =
      List.of("linux-image-amd64", "initramfs-tools", "zstd", "nfs-common", "systemd-sysv");

  /**
   * The rebuild, with dracut in place of initramfs-tools, adds {@code less}: who has it booted the
   * new generation.
   */
  static final List<String> PACKAGES_REBUILT =
      List.of("linux-image-amd64", "zstd", "nfs-common", "systemd-sysv", "less");

  /** Builds and publishes the image once, for every test of the class, and starts the daemons. */
  @BeforeAll
  void buildTheImage(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    Require.root();
    Require.program("mmdebstrap", "mmdebstrap");
    server = new E2eBootServer(dir);
    server.linkPackageCache();
    server.writeSpecs(specs(PACKAGES_FIRST, null));
    Duration buildTime = server.applyBuild(BUILD_TIMEOUT, dir.resolve("apply.log"));
    Files.createDirectories(dir.resolve("logs"));
    Path image = server.path(IMAGE);
    assertThat(image.resolve("etc/rc.local"))
        .as("apply: %s", Files.readString(dir.resolve("apply.log")))
        .exists();
    System.out.printf(
        "BuiltImageBootIT: image built and published in %d s; %d MiB%n",
        buildTime.toSeconds(),
        server.images().path(0).path("generations").path(0).path("bytes").asLong() >> 20);

    lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
    syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"));
    Daemons.dhcpd(lab, server, Files.createDirectories(dir.resolve("daemons")));
    Daemons.tftpd(lab, server, syslog);
    nfs = Daemons.ganesha(lab, server);
    boots = new NodeBoots(lab, IMAGE, BOOT_TIMEOUT, "BuiltImageBootIT");
  }

  /** Ends every guest and daemon by PID and removes the namespaces. */
  @AfterAll
  void stopTheLab() {
    if (lab != null) {
      lab.close();
    }
    if (syslog != null) {
      syslog.close();
    }
  }

  @Test
  @Order(1)
  void twoNodesBootTheSameReadOnlyImageAtOnceEachWithItsOwnNameAndWritableLayer() throws Exception {
    Path pxe = server.path(E2eBootServer.TFTP_ROOT).resolve("pxelinux.cfg/01-52-54-00-77-00-21");
    assertThat(Files.readString(pxe)).contains("boot=nfs").contains("netroot.e2e.stay");
    NodeBoots.Boots booted = boots.boot(NODES, NetworkLab.Firmware.BIOS);
    for (NodeBoots.Node node : NODES) {
      NodeBoots.Node other = NODES.stream().filter(n -> n != node).findFirst().orElseThrow();
      Map<String, List<String>> report = booted.reports().get(node.name());
      assertThat(one(report, "var-tmp").split(" "))
          .as("/var/tmp of %s", node)
          .contains("written-by-" + node.name())
          .doesNotContain("written-by-" + other.name());
      // The listing was made after the other node had written its file.
      assertThat(Long.parseLong(one(report, "listed")))
          .as("%s listed /var/tmp after %s wrote to it", node, other)
          .isGreaterThanOrEqualTo(
              Long.parseLong(one(booted.reports().get(other.name()), "written")));
      assertThat(one(report, "less")).as("less on %s, before the rebuild", node).isEqualTo("no");
    }
    try (Stream<Path> files = Files.list(server.path(IMAGE).resolve("var/tmp"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the image's /var/tmp after both boots")
          .noneMatch(f -> f.startsWith("written-by-"));
    }
  }

  /**
   * A changed {@code build} (dracut, one package more) while node01 runs on the image: apply builds
   * the next generation beside the live one and switches, Ganesha is restarted as the apply owes
   * it, node01 goes on reading files of its root it had not read before, and a UEFI node booted
   * next gets the new generation through dracut's initramfs.
   */
  @Test
  @Order(2)
  void aDracutRebuildSwitchesUnderARunningNodeAndAUefiNodeBootsTheNewGeneration() throws Exception {
    Require.file(NetworkLab.OVMF, "bin/setup installs it (Debian package ovmf)");
    assertThat(server.path(E2eBootServer.TFTP_ROOT).resolve("efi64/syslinux.efi")).exists();
    Process node01 = boots.guests.get("node01");
    assertThat(node01).as("node01 from the first test").isNotNull();
    assertThat(node01.isAlive()).as("node01 still runs%s", lab.logsText()).isTrue();
    Path serial = lab.log("serial-node01");

    server.writeSpecs(specs(PACKAGES_REBUILT, "dracut"));
    Duration rebuild = server.applyBuild(BUILD_TIMEOUT, dir.resolve("apply-rebuild.log"));
    assertThat(Files.readString(dir.resolve("apply-rebuild.log")))
        .as("the apply of the rebuild")
        .contains("restart nfs-ganesha");
    Path live = server.path(IMAGE);
    assertThat(live.resolve("etc/dracut.conf.d/netroot.conf")).exists();
    assertThat(live.resolve("var/lib/dpkg/info/dracut.list")).as("dracut installed").exists();
    assertThat(live.resolve("var/lib/dpkg/info/initramfs-tools.list"))
        .as("initramfs-tools installed")
        .doesNotExist();
    String pxe =
        Files.readString(
            server
                .path(E2eBootServer.TFTP_ROOT)
                .resolve("pxelinux.cfg/01-" + UEFI_NODE.mac().replace(':', '-')));
    assertThat(pxe).contains("ip=dhcp root=nfs:10.77.0.1:" + IMAGE + ":tcp,vers=3");
    long initrd = Files.size(server.path(E2eBootServer.TFTP_ROOT + "/images/bookworm/initrd.img"));
    // The generations are listed newest first.
    JsonNode image = server.images().path(0);
    List<String> ids = new ArrayList<>();
    image.path("generations").forEach(g -> ids.add(g.path("id").asText()));
    assertThat(ids).as("the generations").hasSize(2);
    assertThat(image.path("live").asText()).as("the live one of %s", ids).isEqualTo(ids.get(0));
    assertThat(image.path("generations").get(0).path("packages").has("less")).isTrue();
    assertThat(image.path("generations").get(1).path("packages").has("less")).isFalse();
    int aliveAtSwitch = alive(serial).size();
    System.out.printf(
        "BuiltImageBootIT: rebuilt with dracut and switched in %d s while node01 ran (%d checks of"
            + " its root by then); %d MiB, its initramfs %d MiB%n",
        rebuild.toSeconds(),
        aliveAtSwitch,
        image.path("generations").get(0).path("bytes").asLong() >> 20,
        initrd >> 20);

    // What the apply owes the NFS server after a switch (it reports it under --root), done here
    // as systemd would: Ganesha resolves its export paths only at start.
    Daemons.stopAll(nfs);
    nfs = Daemons.ganesha(lab, server, "-restarted");
    // Its NFS client reconnects to the restarted server with TCP back-off: on a busy machine,
    // minutes.
    NetworkLab.await(Duration.ofMinutes(5), () -> alive(serial).size() >= aliveAtSwitch + 3);
    List<String> checks = alive(serial);
    assertThat(checks.size())
        .as("node01's checks of its root after the switch%s", Daemons.read(serial))
        .isGreaterThanOrEqualTo(aliveAtSwitch + 3);
    assertThat(checks).as("node01's checks of its root").allMatch(c -> c.endsWith(" ok"));
    NetworkLab.stop(node01);

    NodeBoots.Boots booted = boots.boot(List.of(UEFI_NODE), NetworkLab.Firmware.UEFI);
    Map<String, List<String>> report = booted.reports().get(UEFI_NODE.name());
    assertThat(one(report, "less"))
        .as("less on %s, booted after the switch", UEFI_NODE)
        .isEqualTo("yes");
    assertThat(report.get("address"))
        .as("the node's address, which dhclient gave with the lease's lifetime")
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .contains("inet " + UEFI_NODE.ip() + "/24")
                    .contains("valid_lft forever"));
    assertThat(one(report, "var-tmp").split(" ")).contains("written-by-" + UEFI_NODE.name());
    try (Stream<Path> files = Files.list(live.resolve("var/tmp"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the image's /var/tmp after the UEFI boot")
          .noneMatch(f -> f.startsWith("written-by-"));
    }
  }

  /** node01's checks of its root so far ({@code alive=N ok} lines). */
  private static List<String> alive(Path serial) {
    return report(serial).getOrDefault("alive", List.of());
  }

  /**
   * The specs: the built image from {@code packages}, its kernel ({@code rootMethod}, or
   * initramfs-tools, the default, when null), a read-only export, the hosts, and two profiles:
   * {@code e2e} powers a node off after its report, {@code e2e-stay} keeps it up.
   */
  static String specs(List<String> packages, String rootMethod) {
    return E2eBootServer.builtImageSpecs(
        IMAGE, packages, rootMethod, Stream.concat(NODES.stream(), Stream.of(UEFI_NODE)).toList());
  }
}
