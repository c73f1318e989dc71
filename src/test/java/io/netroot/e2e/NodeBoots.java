package io.netroot.e2e;

import static io.netroot.e2e.BootImages.one;
import static io.netroot.e2e.BootImages.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QEMU guests of the lab that boot a root image netroot built, read-only with a tmpfs overlay, and
 * report through its {@link BootImages#RC_LOCAL}: each is powered on, its report awaited, and the
 * things every such node must show are checked ({@code running} with no failed unit, named as its
 * Host by DHCP, {@code /} an overlay over the read-only NFS root). Guests that stay up are kept in
 * {@link #guests} for the next step of the test.
 */
final class NodeBoots {

  /**
   * A node of a test: its Host name, MAC and address, and whether it stays up after its report
   * (profile {@code e2e-stay}) rather than powering off (profile {@code e2e}).
   */
  record Node(String name, String mac, String ip, boolean stays) {}

  /** What booting some nodes at once gave: each node's report and wall time to running. */
  record Boots(Map<String, Map<String, List<String>>> reports, Map<String, Duration> wall) {}

  /** Emulators of others slow TCG guests down; their end is awaited this long before booting. */
  static final Duration OTHER_EMULATORS_WAIT = Duration.ofMinutes(10);

  private final NetworkLab lab;
  private final String image;
  private final Duration timeout;
  private final String who;

  /** The guests started, by node name; a staying node runs on into the next test. */
  final Map<String, Process> guests = new LinkedHashMap<>();

  /**
   * @param image the image's path on the server, which the nodes must have mounted
   * @param timeout how long a node has from power-on to the end of its report
   * @param who the test, at the start of what it prints
   */
  NodeBoots(NetworkLab lab, String image, Duration timeout, String who) {
    this.lab = lab;
    this.image = image;
    this.timeout = timeout;
    this.who = who;
  }

  /**
   * Powers {@code nodes} on at once and waits for each one's report, then for those that do not
   * stay to power off. Every node must be {@code running} with no failed unit, named as its Host,
   * with {@code /} an overlay over the read-only NFS root. Prints each node's wall time from
   * power-on to running.
   */
  Boots boot(List<Node> nodes, NetworkLab.Firmware firmware) {
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    NetworkLab.awaitNoOtherEmulators(OTHER_EMULATORS_WAIT, who);
    long testStart = System.nanoTime();
    Map<String, Map<String, List<String>>> reports = new LinkedHashMap<>();
    Map<String, Duration> wall = new LinkedHashMap<>();
    long poweredOn = System.nanoTime();
    for (Node node : nodes) {
      guests.put(node.name(), lab.startGuest(qemu, node.name(), node.mac(), firmware));
    }
    // Each node's wall time from power-on to its report's first line (systemd done booting).
    NetworkLab.await(
        timeout,
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
                + timeout
                + diagnostics);
      }
      reports.put(node.name(), report);
      assertThat(one(report, "hostname")).as("the name %s took", node).isEqualTo(node.name());
      assertThat(one(report, "state")).as("state of %s%s", node, diagnostics).isEqualTo("running");
      assertThat(one(report, "failed").strip()).as("failed units of %s", node).isEmpty();
      assertThat(report.get("mount"))
          .as("root mounts of %s", node)
          .anyMatch(m -> m.matches("\\S+ / overlay .*lowerdir=/run/netroot/shared.*"))
          .anyMatch(
              m ->
                  m.matches(
                      NetworkLab.SERVER_IP.replace(".", "\\.")
                          + ":"
                          + image
                          + " /run/netroot/shared nfs ro,.*"));
    }
    for (Node node : nodes) {
      Map<String, List<String>> report = reports.get(node.name());
      System.out.printf(
          "%s: %s (%s) running after %d s wall from power-on; multi-user.target at"
              + " %.1f s of uptime; %s%n",
          who,
          node.name(),
          firmware,
          wall.get(node.name()).toSeconds(),
          Long.parseLong(one(report, "multi-user-us")) / 1e6,
          String.join(" / ", report.get("analyze")));
    }
    System.out.printf(
        "%s: %s boot of %d node(s) in %d s wall%n",
        who, firmware, nodes.size(), Duration.ofNanos(System.nanoTime() - testStart).toSeconds());
    return new Boots(reports, wall);
  }
}
