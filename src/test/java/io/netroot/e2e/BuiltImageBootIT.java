package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A root image netroot builds itself, booted by two nodes at once: {@code bin/agent apply} builds a
 * Debian bookworm image from packages with the real mmdebstrap ({@code spec.build}), read-only with
 * a tmpfs overlay per node, puts the test's {@code /etc/rc.local} into it ({@code spec.files}) and
 * publishes the image's own kernel and initramfs ({@code Kernel fromImage}). Two QEMU guests
 * (software emulation, the iPXE ROM of an e1000) then PXE-boot from dhcpd, tftpd-hpa and
 * NFS-Ganesha at the same time, each to systemd's multi-user.target. Then a UEFI guest (OVMF, the
 * e1000's EFI iPXE driver, syslinux.efi) boots the same image to the same point.
 *
 * <p>The image's {@code /etc/rc.local} waits until systemd has finished booting, prints a report to
 * the serial console (each line {@code netroot-e2e HOSTNAME KEY=VALUE}), writes {@code
 * /var/tmp/written-by-HOSTNAME}, lists {@code /var/tmp} a while later and powers off. The test
 * asserts that each node is {@code running} with no failed unit, has the name of its Host (from
 * DHCP), has {@code /} as an overlay over the NFS root, and sees neither the other node's file nor
 * leaves its own in the image.
 *
 * <p>The build downloads about 150 MB once; the packages are kept in {@link #PACKAGES}, outside the
 * repository, through the spec's {@code packageCache}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuiltImageBootIT {

  /** Where downloaded packages are kept between runs of this test. */
  static final Path PACKAGES = Path.of("/var/cache/netroot-test/packages");

  static final String IMAGE = "/srv/nfsroot/bookworm";
  static final String PACKAGE_CACHE = "/var/cache/netroot/packages";
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

  /** Emulators of others slow TCG guests down; their end is awaited this long before booting. */
  static final Duration OTHER_EMULATORS_WAIT = Duration.ofMinutes(10);

  /** The nodes: Host name, MAC, address. */
  static final List<Node> NODES =
      List.of(
          new Node("node01", "52:54:00:77:00:21", "10.77.0.21", true),
          new Node("node02", "52:54:00:77:00:22", "10.77.0.22", false));

  /** A node that boots with UEFI firmware. */
  static final Node UEFI_NODE = new Node("node03", "52:54:00:77:00:23", "10.77.0.23", false);

  /** QEMU's UEFI firmware, OVMF, in one file (code and variables). */
  static final Path OVMF = Path.of("/usr/share/ovmf/OVMF.fd");

  /** One line of a guest's report: {@code netroot-e2e HOSTNAME KEY=VALUE}. */
  static final Pattern REPORT = Pattern.compile("netroot-e2e (\\S+) ([a-z-]+)=(.*)");

  /**
   * The image's {@code /etc/rc.local}, run by Debian's rc-local.service: it returns at once and
   * reports from the background, once {@code systemctl is-system-running} is past starting.
   */
  static final String RC_LOCAL =
      """
      #!/bin/sh
      # Written by netroot's end-to-end test: reports the boot on the serial console.
      report() {
        state=""
        for i in $(seq 1 600); do
          state=$(systemctl is-system-running 2>/dev/null)
          case "$state" in initializing|starting) sleep 1 ;; *) break ;; esac
        done
        host=$(hostname)
        say() { echo "netroot-e2e $host $1" > /dev/ttyS0; }
        say "state=$state"
        say "uptime=$(cut -d' ' -f1 /proc/uptime)"
        say "multi-user-us=$(systemctl show -p ActiveEnterTimestampMonotonic --value multi-user.target)"
        systemd-analyze time 2>&1 | head -2 | while read -r line; do say "analyze=$line"; done
        say "failed=$(systemctl list-units --failed --no-legend --plain | awk '{print $1}' | tr '\\n' ' ')"
        grep -E ' / |/run/netroot' /proc/mounts | while read -r line; do say "mount=$line"; done
        echo "$host" > "/var/tmp/written-by-$host"
        say "written=$(date +%s)"
        sleep 30
        say "listed=$(date +%s)"
        say "var-tmp=$(ls /var/tmp | tr '\\n' ' ')"
        say "less=$(test -x /usr/bin/less && echo yes || echo no)"
        say "end=yes"
        if grep -qw netroot.e2e.poweroff /proc/cmdline; then systemctl poweroff; fi
        # A staying node reads a file of the root it has not read yet every 5 s, and lists a
        # directory of it, so that a root image switched under it shows at once.
        if grep -qw netroot.e2e.stay /proc/cmdline; then
          i=0
          for f in $(ls /usr/share/doc | head -120); do
            i=$((i + 1))
            if out=$(md5sum "/usr/share/doc/$f/copyright" 2>&1) && ls /usr/sbin >/dev/null 2>&1; then
              say "alive=$i ok"
            else
              say "alive=$i failed: $out"
            fi
            sleep 5
          done
        fi
      }
      report </dev/null >/dev/null 2>&1 &
      exit 0
      """;

  /** The specs, the server's root with the built image, and the logs: one for the class. */
  Path dir;

  E2eBootServer server;

  /** The lab with dhcpd, tftpd-hpa and Ganesha, shared by the tests; closed after the last. */
  NetworkLab lab;

  SyslogSocket syslog;

  /** The NFS servers' processes, replaced when Ganesha is restarted after a switch. */
  List<Process> nfs;

  /** The guests of the class by node name; a staying node runs on into the next test. */
  final Map<String, Process> guests = new LinkedHashMap<>();

  /**
   * A node of the test: its Host name, MAC and address, and whether it stays up after its report
   * (profile {@code e2e-stay}) rather than powering off.
   */
  record Node(String name, String mac, String ip, boolean stays) {}

  /** The packages of the first build. */
  static final List<String> PACKAGES_FIRST =
      List.of("linux-image-amd64", "initramfs-tools", "zstd", "nfs-common", "systemd-sysv");

  /** The rebuild adds {@code less}: who has it booted the new generation. */
  static final List<String> PACKAGES_REBUILT =
      Stream.concat(PACKAGES_FIRST.stream(), Stream.of("less")).toList();

  /** Builds and publishes the image once, for every test of the class, and starts the daemons. */
  @BeforeAll
  void buildTheImage(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    Require.root();
    Require.program("mmdebstrap", "mmdebstrap");
    server = new E2eBootServer(dir);
    Files.createDirectories(PACKAGES);
    Path cache = server.path(PACKAGE_CACHE);
    Files.createDirectories(cache.getParent());
    // mmdebstrap's setup hook bind-mounts the cache, following this link to the shared one.
    Files.createSymbolicLink(cache, PACKAGES);
    server.writeSpecs(specs(PACKAGES_FIRST));
    long start = System.nanoTime();
    String output = server.apply(BUILD_TIMEOUT);
    Duration buildTime = Duration.ofNanos(System.nanoTime() - start);
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("apply.log"), output);
    Path image = server.path(IMAGE);
    assertThat(image.resolve("etc/rc.local")).as("apply: %s", output).exists();
    System.out.printf(
        "BuiltImageBootIT: image built and published in %d s; %d MiB%n",
        buildTime.toSeconds(),
        images().path(0).path("generations").path(0).path("bytes").asLong() >> 20);

    lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
    syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"));
    Daemons.dhcpd(lab, server, Files.createDirectories(dir.resolve("daemons")));
    Daemons.tftpd(lab, server, syslog);
    nfs = Daemons.ganesha(lab, server);
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

  /** {@code bin/agent images --json}: its {@code images} array. */
  JsonNode images() throws IOException {
    NetworkLab.Result images =
        NetworkLab.run(
            List.of("bin/agent", "images", "--json", "--root", server.root.toString()),
            Duration.ofMinutes(1),
            true);
    return new ObjectMapper().readTree(images.output()).path("images");
  }

  @Test
  @Order(1)
  void twoNodesBootTheSameReadOnlyImageAtOnceEachWithItsOwnNameAndWritableLayer() throws Exception {
    Path pxe = server.path(E2eBootServer.TFTP_ROOT).resolve("pxelinux.cfg/01-52-54-00-77-00-21");
    assertThat(Files.readString(pxe)).contains("boot=nfs").contains("netroot.e2e.stay");
    Boots boots = boot(NODES, Firmware.BIOS);
    for (Node node : NODES) {
      Node other = NODES.stream().filter(n -> n != node).findFirst().orElseThrow();
      Map<String, List<String>> report = boots.reports().get(node.name());
      assertThat(one(report, "var-tmp").split(" "))
          .as("/var/tmp of %s", node)
          .contains("written-by-" + node.name())
          .doesNotContain("written-by-" + other.name());
      // The listing was made after the other node had written its file.
      assertThat(Long.parseLong(one(report, "listed")))
          .as("%s listed /var/tmp after %s wrote to it", node, other)
          .isGreaterThanOrEqualTo(
              Long.parseLong(one(boots.reports().get(other.name()), "written")));
      assertThat(one(report, "less")).as("less on %s, before the rebuild", node).isEqualTo("no");
    }
    try (Stream<Path> files = Files.list(server.path(IMAGE).resolve("var/tmp"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the image's /var/tmp after both boots")
          .noneMatch(f -> f.startsWith("written-by-"));
    }
  }

  /**
   * A changed {@code build} while node01 runs on the image: apply builds the next generation beside
   * the live one and switches, Ganesha is restarted as the apply owes it, node01 goes on reading
   * files of its root it had not read before, and a UEFI node booted next gets the new generation.
   */
  @Test
  @Order(2)
  void aRebuildSwitchesUnderARunningNodeAndAUefiNodeBootsTheNewGeneration() throws Exception {
    Require.file(OVMF, "bin/setup installs it (Debian package ovmf)");
    assertThat(server.path(E2eBootServer.TFTP_ROOT).resolve("efi64/syslinux.efi")).exists();
    Process node01 = guests.get("node01");
    assertThat(node01).as("node01 from the first test").isNotNull();
    assertThat(node01.isAlive()).as("node01 still runs%s", lab.logsText()).isTrue();
    Path serial = lab.log("serial-node01");

    server.writeSpecs(specs(PACKAGES_REBUILT));
    long start = System.nanoTime();
    String output = server.apply(BUILD_TIMEOUT);
    Duration rebuild = Duration.ofNanos(System.nanoTime() - start);
    Files.writeString(dir.resolve("apply-rebuild.log"), output);
    assertThat(output).as("the apply of the rebuild").contains("restart nfs-ganesha");
    // The generations are listed newest first.
    JsonNode image = images().path(0);
    List<String> ids = new ArrayList<>();
    image.path("generations").forEach(g -> ids.add(g.path("id").asText()));
    assertThat(ids).as("the generations").hasSize(2);
    assertThat(image.path("live").asText()).as("the live one of %s", ids).isEqualTo(ids.get(0));
    assertThat(image.path("generations").get(0).path("packages").has("less")).isTrue();
    assertThat(image.path("generations").get(1).path("packages").has("less")).isFalse();
    int aliveAtSwitch = alive(serial).size();
    System.out.printf(
        "BuiltImageBootIT: rebuilt and switched in %d s while node01 ran (%d checks of its root"
            + " by then)%n",
        rebuild.toSeconds(), aliveAtSwitch);

    // What the apply owes the NFS server after a switch (it reports it under --root), done here
    // as systemd would: Ganesha resolves its export paths only at start.
    Daemons.stopAll(nfs);
    nfs = Daemons.ganesha(lab, server, "-restarted");
    NetworkLab.await(Duration.ofMinutes(2), () -> alive(serial).size() >= aliveAtSwitch + 3);
    List<String> checks = alive(serial);
    assertThat(checks.size())
        .as("node01's checks of its root after the switch%s", Daemons.read(serial))
        .isGreaterThanOrEqualTo(aliveAtSwitch + 3);
    assertThat(checks).as("node01's checks of its root").allMatch(c -> c.endsWith(" ok"));
    NetworkLab.stop(node01);

    Boots boots = boot(List.of(UEFI_NODE), Firmware.UEFI);
    assertThat(one(boots.reports().get(UEFI_NODE.name()), "less"))
        .as("less on %s, booted after the switch", UEFI_NODE)
        .isEqualTo("yes");
  }

  /** node01's checks of its root so far ({@code alive=N ok} lines). */
  private static List<String> alive(Path serial) {
    return report(serial).getOrDefault("alive", List.of());
  }

  /** What booting some nodes at once gave: each node's report and wall time to running. */
  record Boots(Map<String, Map<String, List<String>>> reports, Map<String, Duration> wall) {}

  /** The firmware a guest boots the network with. */
  enum Firmware {
    /** SeaBIOS and the iPXE ROM of the e1000: pxelinux.0. */
    BIOS,
    /** OVMF and the e1000's EFI iPXE driver: syslinux.efi. */
    UEFI
  }

  /**
   * Powers {@code nodes} on at once and waits for each one's report, then for those that do not
   * stay to power off. Every node must be {@code running} with no failed unit, named as its Host,
   * with {@code /} an overlay over the read-only NFS root.
   */
  private Boots boot(List<Node> nodes, Firmware firmware) throws Exception {
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    awaitNoOtherEmulators();
    long testStart = System.nanoTime();
    Map<String, Map<String, List<String>>> reports = new LinkedHashMap<>();
    Map<String, Duration> wall = new LinkedHashMap<>();
    long poweredOn = System.nanoTime();
    for (Node node : nodes) {
      guests.put(node.name(), startGuest(lab, qemu, node, firmware));
    }
    // Each node's wall time from power-on to its report's first line (systemd done booting).
    NetworkLab.await(
        BOOT_TIMEOUT,
        () -> {
          boolean all = true;
          for (Node node : nodes) {
            Map<String, List<String>> report = report(lab.log("serial-" + node.name()));
            if (!wall.containsKey(node.name()) && report.containsKey("state")) {
              wall.put(node.name(), Duration.ofNanos(System.nanoTime() - poweredOn));
            }
            all &= !guests.get(node.name()).isAlive() || report.containsKey("end");
          }
          return all;
        });
    // Those that do not stay power off after their report.
    List<Process> leaving =
        nodes.stream().filter(n -> !n.stays()).map(n -> guests.get(n.name())).toList();
    NetworkLab.await(Duration.ofMinutes(1), () -> leaving.stream().noneMatch(Process::isAlive));
    leaving.forEach(NetworkLab::stop);
    String diagnostics = lab.logsText();
    for (Node node : nodes) {
      Map<String, List<String>> report = report(lab.log("serial-" + node.name()));
      if (!report.containsKey("end")) {
        fail(
            node.name()
                + " ("
                + firmware
                + ") did not report the end of its boot within "
                + BOOT_TIMEOUT
                + diagnostics);
      }
      reports.put(node.name(), report);
      assertThat(one(report, "hostname")).as("the name %s took", node).isEqualTo(node.name());
      assertThat(one(report, "state")).as("state of %s%s", node, diagnostics).isEqualTo("running");
      assertThat(one(report, "failed").strip()).as("failed units of %s", node).isEmpty();
      assertThat(report.get("mount"))
          .as("root mounts of %s", node)
          .anyMatch(m -> m.matches("\\S+ / overlay .*lowerdir=/run/netroot/shared.*"))
          .anyMatch(m -> m.matches("10\\.77\\.0\\.1:" + IMAGE + " /run/netroot/shared nfs ro,.*"));
    }
    for (Node node : nodes) {
      Map<String, List<String>> report = reports.get(node.name());
      System.out.printf(
          "BuiltImageBootIT: %s (%s) running after %d s wall from power-on; multi-user.target at"
              + " %.1f s of uptime; %s%n",
          node.name(),
          firmware,
          wall.get(node.name()).toSeconds(),
          Long.parseLong(one(report, "multi-user-us")) / 1e6,
          String.join(" / ", report.get("analyze")));
    }
    System.out.printf(
        "BuiltImageBootIT: %s boot of %d node(s) in %d s wall%n",
        firmware, nodes.size(), Duration.ofNanos(System.nanoTime() - testStart).toSeconds());
    return new Boots(reports, wall);
  }

  /**
   * The specs: the built image from {@code packages}, its kernel, a read-only export, the hosts,
   * and two profiles: {@code e2e} powers a node off after its report, {@code e2e-stay} keeps it up.
   */
  static String specs(List<String> packages) {
    StringBuilder hosts = new StringBuilder();
    for (Node node : Stream.concat(NODES.stream(), Stream.of(UEFI_NODE)).toList()) {
      hosts.append(
          """
          ---
          apiVersion: netroot/v1
          kind: Host
          metadata: {name: %s}
          spec: {mac: "%s", ip: %s, profile: %s}
          """
              .formatted(node.name(), node.mac(), node.ip(), node.stays() ? "e2e-stay" : "e2e"));
    }
    return E2eBootServer.serverSpecs()
        + """
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: bookworm}
        spec:
          path: %1$s
          build:
            distribution: debian
            suite: bookworm
            packages: [%4$s]
            packageCache: %2$s
          readOnly: true
          overlay: tmpfs
          files:
            - path: /etc/rc.local
              mode: "0755"
              content: |
        %3$s
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: bookworm}
        spec:
          fromImage: bookworm
        ---
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: bookworm-root}
        spec:
          path: %1$s
          clients:
            - match: 10.77.0.0/24
              options: [ro, sync, no_subtree_check, no_root_squash]
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: e2e}
        spec:
          kernel: bookworm
          rootImage: bookworm
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", panic=10, netroot.e2e.poweroff]
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: e2e-stay}
        spec:
          kernel: bookworm
          rootImage: bookworm
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", panic=10, netroot.e2e.stay]
        """
            .formatted(
                IMAGE,
                PACKAGE_CACHE,
                RC_LOCAL.indent(10).stripTrailing(),
                String.join(", ", packages))
        + hosts;
  }

  /** Starts one guest: network boot by {@code firmware}, its serial console to a log file. */
  private static Process startGuest(NetworkLab lab, String qemu, Node node, Firmware firmware) {
    String tap = "tap" + node.name().substring(node.name().length() - 2);
    lab.addTap(tap);
    List<String> command =
        new ArrayList<>(
            List.of(
                qemu,
                "-machine",
                "accel=tcg",
                "-smp",
                "1",
                "-m",
                "1024",
                "-nographic",
                "-monitor",
                "none",
                "-serial",
                "file:" + lab.log("serial-" + node.name()),
                "-netdev",
                "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                "-no-reboot"));
    if (firmware == Firmware.BIOS) {
      Path rom =
          Require.file(
              Path.of("/usr/lib/ipxe/qemu/pxe-e1000.rom"),
              "bin/setup installs it (Debian package ipxe-qemu)");
      command.addAll(
          List.of(
              "-device", "e1000,netdev=n0,mac=" + node.mac() + ",romfile=" + rom, "-boot", "n"));
    } else {
      // QEMU's default ROM of an e1000 (efi-e1000.rom) holds iPXE's EFI driver.
      command.addAll(
          List.of(
              "-bios",
              OVMF.toString(),
              "-device",
              "e1000,netdev=n0,mac=" + node.mac() + ",bootindex=1"));
    }
    return lab.start(lab.server, "qemu-" + node.name(), command);
  }

  /**
   * A guest's report from its serial log: each key to its values, in order, and under {@code
   * hostname} the names the guest reported under.
   */
  static Map<String, List<String>> report(Path serial) {
    Map<String, List<String>> report = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (String line : Daemons.read(serial).split("\r?\n")) {
      Matcher m = REPORT.matcher(line);
      if (m.find()) {
        names.add(m.group(1));
        report.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(3).strip());
      }
    }
    if (!names.isEmpty()) {
      report.put("hostname", new ArrayList<>(names));
    }
    return report;
  }

  private static String one(Map<String, List<String>> report, String key) {
    List<String> values = report.get(key);
    assertThat(values).as("%s in the report %s", key, report).isNotNull().hasSize(1);
    return values.get(0);
  }

  /**
   * Waits, within {@link #OTHER_EMULATORS_WAIT}, while QEMU processes this test did not start run
   * on the machine: with software emulation they would slow the guests down and distort the boot
   * times.
   */
  private static void awaitNoOtherEmulators() {
    boolean alone =
        NetworkLab.await(
            OTHER_EMULATORS_WAIT,
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().command().orElse("").contains("qemu-system")));
    if (!alone) {
      System.out.println("BuiltImageBootIT: other QEMU processes still run; boot times are slower");
    }
  }
}
