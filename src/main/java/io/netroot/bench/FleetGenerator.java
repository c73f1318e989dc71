package io.netroot.bench;

import io.netroot.NetrootException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic fleet in the normal spec format, for benchmarks and scale tests: one
 * BootServer, K /16 networks, a handful of kernels, root images, exports and profiles, and N hosts
 * laid out as {@link Layout} says: one file per network ({@code hosts/net0.yaml}…, the default) or
 * all in one {@code hosts.yaml}, in the order they were generated. Small kernel image files are
 * written next to the specs so that plan and apply work. The output depends only on the parameters:
 * the same seed gives the same bytes.
 *
 * <p>Network {@code k} is {@code 10.(10+k).0.0/16}; its {@code .0.x} addresses are the boot server
 * and router, {@code .255.x} is the dynamic range, and hosts get addresses from {@code .1.0} on.
 */
public final class FleetGenerator {

  /** Addresses a /16 offers to hosts: {@code .1.0} to {@code .254.255}. */
  static final int HOSTS_PER_NETWORK = 254 * 256;

  private static final int KERNEL_IMAGE_BYTES = 16 * 1024;

  private final int hosts;
  private final int networks;
  private final int profiles;
  private final long seed;
  private final Layout layout;

  /** Where the hosts go. */
  public enum Layout {
    /** {@code hosts/NETWORK.yaml}: one file per network, the hosts of each in generated order. */
    PER_NETWORK("per-network"),
    /** {@code hosts.yaml}: every host in one file, in generated order (networks interleaved). */
    ONE_FILE("one-file");

    private final String option;

    Layout(String option) {
      this.option = option;
    }

    /** The name on the command line: {@code per-network} or {@code one-file}. */
    public String option() {
      return option;
    }

    /** The layout named {@code option} on the command line. */
    public static Layout of(String option) {
      for (Layout layout : values()) {
        if (layout.option.equals(option)) {
          return layout;
        }
      }
      throw new NetrootException("unknown layout \"" + option + "\"; use one-file or per-network");
    }

    @Override
    public String toString() {
      return option;
    }
  }

  /** One host, as generated. */
  public record HostSpec(String name, String mac, int network, int index, int profile) {
    /** The host's address. */
    public String ip() {
      return address(network, index);
    }
  }

  /**
   * @param hosts number of hosts, at least 1
   * @param networks number of /16 networks, 1 to 200
   * @param profiles number of profiles, 1 to 50; kernels and root images are half as many
   * @param seed chooses each host's network, profile and MAC
   */
  public FleetGenerator(int hosts, int networks, int profiles, long seed) {
    this(hosts, networks, profiles, seed, Layout.PER_NETWORK);
  }

  /**
   * As {@link #FleetGenerator(int, int, int, long)}, with the hosts laid out as {@code layout}
   * says. The hosts are the same for every layout.
   */
  public FleetGenerator(int hosts, int networks, int profiles, long seed, Layout layout) {
    if (hosts < 1) {
      throw new NetrootException("--hosts must be at least 1");
    }
    if (networks < 1 || networks > 200) {
      throw new NetrootException("--networks must be between 1 and 200");
    }
    if (profiles < 1 || profiles > 50) {
      throw new NetrootException("--profiles must be between 1 and 50");
    }
    if ((long) hosts > (long) networks * HOSTS_PER_NETWORK) {
      throw new NetrootException(
          hosts + " hosts do not fit in " + networks + " /16 networks; add --networks");
    }
    this.hosts = hosts;
    this.networks = networks;
    this.profiles = profiles;
    this.seed = seed;
    this.layout = layout;
  }

  int kernels() {
    return (profiles + 1) / 2;
  }

  int rootImages() {
    return (profiles + 1) / 2;
  }

  /** Every host, in the order they are written; deterministic for the seed. */
  public List<HostSpec> hostSpecs() {
    Random random = new Random(seed);
    int[] used = new int[networks];
    int width = Math.max(5, Integer.toString(hosts).length());
    int macPrefix = (int) (seed & 0xff);
    List<HostSpec> out = new ArrayList<>(hosts);
    for (int i = 0; i < hosts; i++) {
      int network = random.nextInt(networks);
      while (used[network] >= HOSTS_PER_NETWORK) {
        network = (network + 1) % networks;
      }
      int index = used[network]++;
      int profile = random.nextInt(profiles);
      String name = "node" + pad(i, width);
      String mac =
          String.format(
              "02:%02x:%02x:%02x:%02x:%02x",
              macPrefix, (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
      out.add(new HostSpec(name, mac, network, index, profile));
    }
    return out;
  }

  /** Writes the specs and kernel images into {@code dir} (created if needed). */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir.resolve("kernels"));
      write(dir.resolve("server.yaml"), server());
      write(dir.resolve("networks.yaml"), networksYaml());
      write(dir.resolve("kernels.yaml"), kernelsYaml());
      write(dir.resolve("images.yaml"), imagesYaml());
      write(dir.resolve("profiles.yaml"), profilesYaml());
      for (int k = 0; k < kernels(); k++) {
        Files.write(dir.resolve("kernels").resolve("vmlinuz-k" + k), kernelImage(k));
      }
      writeHosts(dir, hostSpecs(), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fleet to " + dir, e);
    }
  }

  /**
   * Changes one host the way an operator would: another profile and a free address in its network.
   * Rewrites only that host's file. Returns the changed host.
   */
  public HostSpec changeOneHost(Path dir, int which) {
    List<HostSpec> all = hostSpecs();
    HostSpec before = all.get(which);
    int free = 0;
    for (HostSpec host : all) {
      if (host.network() == before.network()) {
        free = Math.max(free, host.index() + 1);
      }
    }
    if (free >= HOSTS_PER_NETWORK) {
      throw new NetrootException("network " + networkName(before.network()) + " is full");
    }
    HostSpec after =
        new HostSpec(
            before.name(), before.mac(), before.network(), free, (before.profile() + 1) % profiles);
    try {
      writeHosts(dir, all, before, after);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite the hosts of " + dir, e);
    }
    return after;
  }

  /** The file that holds {@code host} in this layout, relative to the specs directory. */
  public String hostsFile(HostSpec host) {
    return layout == Layout.ONE_FILE
        ? "hosts.yaml"
        : "hosts/" + networkName(host.network()) + ".yaml";
  }

  /**
   * Writes the hosts files of the layout. With {@code before} given, only the file holding it is
   * written, with {@code after} in its place.
   */
  private void writeHosts(Path dir, List<HostSpec> all, HostSpec before, HostSpec after)
      throws IOException {
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    for (HostSpec host : all) {
      String file = hostsFile(host);
      if (before == null || file.equals(hostsFile(before))) {
        appendHost(
            files.computeIfAbsent(file, f -> new StringBuilder(160 * (hosts / networks + 1))),
            host == before ? after : host);
      }
    }
    if (layout == Layout.PER_NETWORK && before == null) {
      for (int n = 0; n < networks; n++) {
        files.putIfAbsent("hosts/" + networkName(n) + ".yaml", new StringBuilder());
      }
    }
    for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      write(path, file.getValue().toString());
    }
  }

  private static void appendHost(StringBuilder out, HostSpec host) {
    out.append("---\napiVersion: netroot/v1\nkind: Host\nmetadata: {name: ")
        .append(host.name())
        .append("}\nspec: {mac: \"")
        .append(host.mac())
        .append("\", ip: ")
        .append(host.ip())
        .append(", profile: ")
        .append(profileName(host.profile()))
        .append("}\n");
  }

  private String server() {
    return "apiVersion: netroot/v1\n"
        + "kind: BootServer\n"
        + "metadata: {name: bench}\n"
        + "spec:\n"
        + "  address: "
        + address(0, -255)
        + "\n"
        + "  platform: debian\n"
        + "  dhcp: {config: /etc/dhcp/dhcpd.conf}\n"
        + "  nfs: {exportsFile: /etc/exports, versions: {v2: false, v3: true, v4: true},"
        + " udp: false}\n"
        + "  pxe: {timeout: 50, default: local, title: \"netroot bench fleet\"}\n";
  }

  private String networksYaml() {
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < networks; n++) {
      String prefix = "10." + (10 + n) + ".";
      out.append("---\napiVersion: netroot/v1\nkind: Network\nmetadata: {name: ")
          .append(networkName(n))
          .append("}\nspec:\n  subnet: ")
          .append(prefix)
          .append("0.0/16\n  routers: [")
          .append(prefix)
          .append("0.1]\n  dnsServers: [")
          .append(prefix)
          .append("0.1]\n  domainName: ")
          .append(networkName(n))
          .append(".bench.example\n  dynamicRange: {start: ")
          .append(prefix)
          .append("255.1, end: ")
          .append(prefix)
          .append("255.200}\n");
    }
    return out.toString();
  }

  private String kernelsYaml() {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < kernels(); k++) {
      out.append("---\napiVersion: netroot/v1\nkind: Kernel\nmetadata: {name: k")
          .append(k)
          .append("}\nspec: {image: kernels/vmlinuz-k")
          .append(k)
          .append("}\n");
    }
    return out.toString();
  }

  private String imagesYaml() {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rootImages(); r++) {
      String path = "/srv/nfsroot/image" + r;
      out.append("---\napiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: image")
          .append(r)
          .append("}\nspec: {path: ")
          .append(path)
          .append(", readOnly: true}\n");
      out.append("---\napiVersion: netroot/v1\nkind: Export\nmetadata: {name: image")
          .append(r)
          .append("-root}\nspec:\n  path: ")
          .append(path)
          .append("\n  clients:\n");
      for (int n = 0; n < networks; n++) {
        out.append("    - {match: 10.")
            .append(10 + n)
            .append(".0.0/16, options: [ro, sync, no_subtree_check, no_root_squash]}\n");
      }
    }
    return out.toString();
  }

  private String profilesYaml() {
    StringBuilder out = new StringBuilder();
    for (int p = 0; p < profiles; p++) {
      out.append("---\napiVersion: netroot/v1\nkind: Profile\nmetadata: {name: ")
          .append(profileName(p))
          .append("}\nspec:\n  kernel: k")
          .append(p % kernels())
          .append("\n  rootImage: image")
          .append(p % rootImages())
          .append("\n  nfsOptions: [tcp, vers=3]\n")
          .append("  kernelArgs: [ro, \"console=ttyS0,115200\"]\n")
          .append("  menuLabel: bench profile ")
          .append(p)
          .append('\n');
    }
    return out.toString();
  }

  /** A small deterministic stand-in for a kernel: no boot header, so no release is shown. */
  private byte[] kernelImage(int k) {
    byte[] bytes = new byte[KERNEL_IMAGE_BYTES];
    new Random(seed * 31 + k).nextBytes(bytes);
    return bytes;
  }

  static String networkName(int n) {
    return "net" + n;
  }

  static String profileName(int p) {
    return "profile" + p;
  }

  /** The address of host slot {@code index} in network {@code n}; negative reaches into .0.x. */
  static String address(int n, int index) {
    int offset = 256 + index;
    return "10." + (10 + n) + "." + (offset >> 8) + "." + (offset & 0xff);
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
