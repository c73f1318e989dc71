package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The specs of a boot server on {@value NetworkLab#SUBNET} and the temporary root that {@code
 * bin/agent apply} writes them into. One host ({@link #HOST_MAC} → {@link #HOST_IP}) boots the
 * profile {@code e2e}: a kernel with an initrd ({@code rootMethod: initramfs-tools}) and a root
 * image exported read-write to the subnet by NFS-Ganesha.
 */
final class E2eBootServer {

  static final String HOST_MAC = "52:54:00:77:00:11";
  static final String HOST_IP = "10.77.0.11";
  static final String TFTP_ROOT = "/srv/tftp";
  static final String IMAGE = "/srv/nfsroot/e2e";
  static final String DHCPD_CONF = "/etc/dhcp/dhcpd.conf";
  static final String KEA_CONF = "/etc/kea/kea-dhcp4.conf";
  static final String DNSMASQ_CONF = "/etc/dnsmasq.d/netroot.conf";
  static final String GANESHA_CONF = "/etc/ganesha/ganesha.conf";

  /**
   * Where the tests that build an image keep downloaded packages between runs, outside the
   * repository, shared by them all so that a package is downloaded once.
   */
  static final Path PACKAGES = Path.of("/var/cache/netroot-test/packages");

  /** The {@code packageCache} of a built image's spec: a link to {@link #PACKAGES}. */
  static final String PACKAGE_CACHE = "/var/cache/netroot/packages";

  /**
   * The DHCP server netroot configures for the lab: the BootServer's {@code spec.dhcp}, the
   * Network's DHCP fields and what each Host adds to its {@code ip}.
   */
  enum Dhcp {
    /** ISC dhcpd, the default. */
    ISC("{config: " + DHCPD_CONF + "}", true),
    /** Kea, in full mode. */
    KEA("{server: kea, config: " + KEA_CONF + "}", true),
    /**
     * dnsmasq in proxy mode, beside a DHCP server netroot does not manage: no routers or range in
     * the Network, and each Host's address reserved on that other server.
     */
    DNSMASQ_PROXY("{server: dnsmasq, mode: proxy, config: " + DNSMASQ_CONF + "}", false),
    /** dnsmasq in full mode: it gives the addresses itself, as ISC dhcpd and Kea do. */
    DNSMASQ_FULL("{server: dnsmasq, mode: full, config: " + DNSMASQ_CONF + "}", true);

    private final String spec;
    private final boolean full;

    Dhcp(String spec, boolean full) {
      this.spec = spec;
      this.full = full;
    }

    /** The Network's fields that only a server giving the addresses may have. */
    String networkFields() {
      return full
          ? "  routers: [10.77.0.1]\n  dynamicRange: {start: 10.77.0.100, end: 10.77.0.199}\n"
          : "";
    }

    /** What a Host's spec adds after its {@code ip}. */
    String hostFields() {
      return full ? "" : ", ipReservedElsewhere: true";
    }
  }

  final Path specs;
  final Path root;
  final Path kernel;
  final Path initrd;
  private Dhcp dhcp;
  private List<String> kernelArgs = List.of();

  /** Where Kea keeps its leases, its control socket and its PID file. */
  final Path keaDir;

  /**
   * @param dir where the specs and the root go
   * @param kernel the kernel image the Kernel spec names
   * @param initrd its initrd
   */
  E2eBootServer(Path dir, Path kernel, Path initrd) {
    this(dir, kernel, initrd, Dhcp.ISC);
  }

  /**
   * @param dir where the specs and the root go
   * @param kernel the kernel image the Kernel spec names
   * @param initrd its initrd
   * @param dhcp the DHCP server netroot configures
   */
  E2eBootServer(Path dir, Path kernel, Path initrd, Dhcp dhcp) {
    this.specs = dir.resolve("specs");
    this.root = dir.resolve("root");
    this.kernel = kernel.toAbsolutePath();
    this.initrd = initrd.toAbsolutePath();
    this.dhcp = dhcp;
    this.keaDir = dir.resolve("kea");
    prepare(dir);
    writeSpecs(List.of("console=ttyS0,115200", "panic=5"));
  }

  /**
   * A server for the tests that boot nothing (a DHCP or NFS server answering a client of the
   * test's): its kernel and initrd are a few bytes in {@code dir} that only look like them.
   *
   * @param dir where the specs, the root and the stand-in kernel and initrd go
   * @param dhcp the DHCP server netroot configures
   */
  static E2eBootServer withStubBoot(Path dir, Dhcp dhcp) throws IOException {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {0x4d, 0x5a, 1, 2, 3});
    Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {0x1f, (byte) 0x8b, 0});
    return new E2eBootServer(dir, kernel, initrd, dhcp);
  }

  /**
   * A server whose specs the test writes itself ({@link #writeSpecs(String)}), after {@link
   * #serverSpecs()}.
   *
   * @param dir where the specs and the root go
   */
  E2eBootServer(Path dir) {
    this.specs = dir.resolve("specs");
    this.root = dir.resolve("root");
    this.kernel = null;
    this.initrd = null;
    this.dhcp = Dhcp.ISC;
    this.keaDir = dir.resolve("kea");
    prepare(dir);
  }

  /** Makes the specs and root directories and the admin's own part of ganesha.conf. */
  private void prepare(Path dir) {
    try {
      Files.createDirectories(specs);
      Files.createDirectories(root);
      Files.createDirectories(path(IMAGE));
      // The admin's own part of ganesha.conf, outside netroot's block: where Ganesha listens, and
      // no grace period (a fresh server has no clients to wait for).
      Path recovery = Files.createDirectories(dir.resolve("ganesha-recovery"));
      Files.createDirectories(path(GANESHA_CONF).getParent());
      Files.writeString(
          path(GANESHA_CONF),
          """
          NFS_CORE_PARAM {
            Bind_addr = %s;
            Protocols = 3, 4;
          }
          NFSV4 {
            Graceless = true;
            RecoveryRoot = "%s";
          }
          """
              .formatted(NetworkLab.SERVER_IP, recovery));
      if (dhcp == Dhcp.KEA) {
        writeKeaOwnPart();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The admin's own members of Kea's {@code Dhcp4} map, before netroot writes its block into it:
   * every interface with an address, the memfile lease file, the control socket (with the {@code
   * lease_cmds} hook, so that a test can ask Kea for a lease) all in {@link #keaDir}, and the log
   * on stdout.
   */
  private void writeKeaOwnPart() throws IOException {
    Files.createDirectories(keaDir);
    Files.createDirectories(path(KEA_CONF).getParent());
    Files.writeString(
        path(KEA_CONF),
        """
        {
        "Dhcp4": {
            "interfaces-config": { "interfaces": [ "*" ] },
            "lease-database": { "type": "memfile", "persist": true, "name": "%1$s", "lfc-interval": 0 },
            "control-socket": { "socket-type": "unix", "socket-name": "%2$s" },
            "hooks-libraries": [ { "library": "%3$s" } ],
            "loggers": [ {
                "name": "kea-dhcp4",
                "output_options": [ { "output": "stdout" } ],
                "severity": "INFO"
            } ]
        }
        }
        """
            .formatted(keaLeases(), keaSocket(), KEA_LEASE_COMMANDS));
  }

  /** Kea's hook library of lease commands ({@code lease4-get}), from kea-common. */
  static final String KEA_LEASE_COMMANDS =
      "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so";

  /** Kea's memfile lease file. */
  Path keaLeases() {
    return keaDir.resolve("leases4.csv");
  }

  /** Kea's control socket. */
  Path keaSocket() {
    return keaDir.resolve("control.sock");
  }

  /** The BootServer and Network documents every e2e boot server has, each ending a document. */
  static String serverSpecs() {
    return serverSpecs(Dhcp.ISC);
  }

  /** {@link #serverSpecs()} with {@code dhcp} as the DHCP server. */
  static String serverSpecs(Dhcp dhcp) {
    return """
        apiVersion: netroot/v1
        kind: BootServer
        metadata: {name: e2e}
        spec:
          address: 10.77.0.1
          platform: debian
          tftpRoot: %1$s
          dhcp: %2$s
          nfs: {server: ganesha, ganeshaConfig: %3$s}
          pxe: {timeout: 1, default: e2e}
        ---
        apiVersion: netroot/v1
        kind: Network
        metadata: {name: lab}
        spec:
          subnet: 10.77.0.0/24
        %4$s---
        """
        .formatted(TFTP_ROOT, dhcp.spec, GANESHA_CONF, dhcp.networkFields());
  }

  /**
   * The specs of an image netroot builds at {@code image} from {@code packages}, read-only with a
   * tmpfs overlay per node, {@code getty-static} disabled and {@link BootImages#RC_LOCAL} as its
   * {@code /etc/rc.local}; its kernel {@code bookworm} ({@code fromImage}, with {@code rootMethod}
   * when it is not {@code null}); a read-only export; two profiles, {@code e2e} that powers a node
   * off after its report and {@code e2e-stay} that keeps it up; and a Host for each of {@code
   * nodes}. After {@link #serverSpecs()}.
   */
  static String builtImageSpecs(
      String image, List<String> packages, String rootMethod, List<NodeBoots.Node> nodes) {
    StringBuilder hosts = new StringBuilder();
    for (NodeBoots.Node node : nodes) {
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
    return serverSpecs()
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
          # Debian's fallback for images without dbus starts getty on tty2-6 through systemctl;
          # on a loaded machine that call fails now and then and leaves the node "degraded".
          # The nodes' login is the serial getty.
          disableServices: [getty-static]
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
        %5$s---
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
                image,
                PACKAGE_CACHE,
                BootImages.RC_LOCAL.indent(10).stripTrailing(),
                String.join(", ", packages),
                rootMethod == null ? "" : "  rootMethod: " + rootMethod + "\n")
        + hosts;
  }

  /**
   * Has built images keep their downloaded packages in {@link #PACKAGES}: the server's {@link
   * #PACKAGE_CACHE} becomes a link to it, which mmdebstrap's setup hook follows when it bind-mounts
   * the cache.
   */
  void linkPackageCache() throws IOException {
    Files.createDirectories(PACKAGES);
    Path cache = path(PACKAGE_CACHE);
    Files.createDirectories(cache.getParent());
    Files.createSymbolicLink(cache, PACKAGES);
  }

  /**
   * Runs {@code bin/agent apply}, which builds a root image, within {@code timeout}; keeps its
   * output in {@code log} and returns how long it took.
   */
  Duration applyBuild(Duration timeout, Path log) throws IOException {
    long start = System.nanoTime();
    String output = apply(timeout);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Files.writeString(log, output);
    return took;
  }

  /** {@code bin/agent images --json}: its {@code images} array. */
  JsonNode images() throws IOException {
    NetworkLab.Result images =
        NetworkLab.run(
            List.of("bin/agent", "images", "--json", "--root", root.toString()),
            Duration.ofMinutes(1),
            true);
    return new ObjectMapper().readTree(images.output()).path("images");
  }

  /** The DHCP server netroot configures. */
  Dhcp dhcp() {
    return dhcp;
  }

  /**
   * Rewrites the specs (with the kernel arguments of the last {@link #writeSpecs(List)}) for
   * another DHCP server, the admin's own part of Kea's configuration first when it is Kea.
   */
  void useDhcp(Dhcp other) {
    this.dhcp = other;
    try {
      if (other == Dhcp.KEA && !Files.exists(path(KEA_CONF))) {
        writeKeaOwnPart();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeSpecs(kernelArgs);
  }

  /**
   * The Kernel {@code debian} of {@code kernel} and {@code initrd}, the root image {@code e2e} at
   * {@link #IMAGE} and its export to the lab, each document ended by {@code ---}.
   */
  static String kernelImageAndExport(Path kernel, Path initrd) {
    return """
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: debian}
        spec:
          image: %1$s
          initrd: %2$s
          rootMethod: initramfs-tools
        ---
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: e2e}
        spec:
          path: %3$s
        ---
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: e2e-root}
        spec:
          path: %3$s
          clients:
            - match: 10.77.0.0/24
              options: [rw, sync, no_subtree_check, no_root_squash]
        ---
        """
        .formatted(kernel, initrd, IMAGE);
  }

  /** Writes the specs, with {@code kernelArgs} in the profile. */
  void writeSpecs(List<String> kernelArgs) {
    this.kernelArgs = List.copyOf(kernelArgs);
    String args = String.join(", ", kernelArgs.stream().map(a -> "\"" + a + "\"").toList());
    String yaml =
        serverSpecs(dhcp)
            + kernelImageAndExport(kernel, initrd)
            + """
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: e2e}
        spec:
          kernel: debian
          rootImage: e2e
          nfsOptions: [tcp, vers=3]
          kernelArgs: [%1$s]
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: node01}
        spec: {mac: "%2$s", ip: %3$s%4$s, profile: e2e}
        """
                .formatted(args, HOST_MAC, HOST_IP, dhcp.hostFields());
    writeSpecs(yaml);
  }

  /** Adds a Host booting the profile {@code e2e} to the specs. */
  void addHost(String name, String mac, String ip) {
    try {
      Files.writeString(
          specs.resolve("e2e.yaml"),
          """
          ---
          apiVersion: netroot/v1
          kind: Host
          metadata: {name: %s}
          spec: {mac: "%s", ip: %s%s, profile: e2e}
          """
              .formatted(name, mac, ip, dhcp.hostFields()),
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code yaml} as the whole specs. */
  void writeSpecs(String yaml) {
    try {
      Files.writeString(specs.resolve("e2e.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code bin/agent apply} as its own process; it must succeed within two minutes. */
  String apply() {
    return apply(Duration.ofMinutes(2));
  }

  /** Runs {@code bin/agent apply} as its own process; it must succeed within {@code timeout}. */
  String apply(Duration timeout) {
    Require.agentJar();
    NetworkLab.Result result =
        NetworkLab.run(
            List.of(
                "bin/agent",
                "apply",
                "--no-diff",
                "--specs",
                specs.toString(),
                "--root",
                root.toString()),
            timeout,
            false);
    assertThat(result.exit()).as("bin/agent apply: %s", result.output()).isZero();
    return result.output();
  }

  /** Where a server path is under the root. */
  Path path(String serverPath) {
    return root.resolve(serverPath.substring(1));
  }

  /** The host's PXE config file name: {@code pxelinux.cfg/01-52-54-00-77-00-11}. */
  static String hostConfig() {
    return "pxelinux.cfg/01-" + HOST_MAC.replace(':', '-');
  }
}
