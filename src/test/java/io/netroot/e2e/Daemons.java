package io.netroot.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real daemons, started in the lab's server namespace on the files {@code bin/agent apply}
 * wrote under the boot server's root. Each waits until the daemon says it is serving, within a
 * bound, and is ended by the lab.
 */
final class Daemons {

  private Daemons() {}

  /** ISC dhcpd in the foreground on {@code br0}, with a lease file of the test's own. */
  static Process dhcpd(NetworkLab lab, E2eBootServer server, Path dir) throws IOException {
    return dhcpd(lab, lab.server, "dhcpd", server.path(E2eBootServer.DHCPD_CONF), dir, "br0");
  }

  /**
   * ISC dhcpd in the foreground in {@code namespace} on {@code iface}, reading {@code conf}, with
   * its lease and PID files in {@code dir} and its output in the log {@code name}.
   */
  static Process dhcpd(
      NetworkLab lab, String namespace, String name, Path conf, Path dir, String iface)
      throws IOException {
    String dhcpd = Require.program("dhcpd", "isc-dhcp-server");
    Path leases = dir.resolve(name + ".leases");
    Files.write(leases, new byte[0]);
    Process process =
        lab.start(
            namespace,
            name,
            List.of(
                dhcpd,
                "-4",
                "-d",
                "-f",
                "-cf",
                conf.toString(),
                "-lf",
                leases.toString(),
                "-pf",
                dir.resolve(name + ".pid").toString(),
                iface));
    awaitLog(lab, process, name, "Server starting service.", Duration.ofSeconds(20));
    return process;
  }

  /**
   * Kea's DHCPv4 server in the foreground on the kea-dhcp4.conf netroot wrote, whose own part
   * ({@link E2eBootServer#keaDir}) puts the leases, the control socket and, through Kea's
   * environment, the PID and lock files in the test's directory. Its PID is the process's: {@code
   * ip netns exec} and {@code env} exec.
   */
  static Process kea(NetworkLab lab, E2eBootServer server) {
    String kea = Require.program("kea-dhcp4", "kea-dhcp4-server");
    Require.file(
        Path.of(E2eBootServer.KEA_LEASE_COMMANDS),
        "bin/setup installs it (Debian package kea-common, with kea-dhcp4-server)");
    Process process =
        lab.start(
            lab.server,
            "kea-dhcp4",
            List.of(
                "env",
                "KEA_PIDFILE_DIR=" + server.keaDir,
                "KEA_LOCKFILE_DIR=" + server.keaDir,
                kea,
                "-c",
                server.path(E2eBootServer.KEA_CONF).toString()));
    awaitLog(lab, process, "kea-dhcp4", "DHCP4_STARTED", Duration.ofSeconds(20));
    return process;
  }

  /**
   * dnsmasq in the foreground for DHCP alone ({@code --port=0}: no DNS), on {@code br0}, reading
   * netroot's drop-in as its only configuration file, logging every DHCP exchange; its lease and
   * PID files in {@code dir}. It stays root, as it would drop to {@code nobody} and lose its log.
   */
  static Process dnsmasq(NetworkLab lab, E2eBootServer server, Path dir) {
    String dnsmasq = Require.program("dnsmasq", "dnsmasq-base");
    Process process =
        lab.start(
            lab.server,
            "dnsmasq",
            List.of(
                dnsmasq,
                "--keep-in-foreground",
                "--no-resolv",
                "--no-hosts",
                "--port=0",
                "--user=root",
                "--interface=br0",
                "--bind-interfaces",
                "--log-dhcp",
                "--log-facility=-",
                "--dhcp-leasefile=" + dir.resolve("dnsmasq.leases"),
                "--pid-file=" + dir.resolve("dnsmasq.pid"),
                "--conf-file=" + server.path(E2eBootServer.DNSMASQ_CONF)));
    awaitLog(lab, process, "dnsmasq", "started, version", Duration.ofSeconds(20));
    return process;
  }

  /**
   * tftpd-hpa in the foreground, serving the TFTP root. It logs only to syslog, so it runs in a
   * private mount namespace with the test's own {@code /dev/log} ({@link SyslogSocket}).
   */
  static Process tftpd(NetworkLab lab, E2eBootServer server, SyslogSocket syslog) {
    String tftpd = Require.program("in.tftpd", "tftpd-hpa");
    String unshare = Require.program("unshare", "util-linux");
    Process process =
        lab.start(
            lab.server,
            "tftpd",
            List.of(
                unshare,
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                syslog.mountOverDev()
                    + " && exec "
                    + tftpd
                    + " -L -v -v -u root -a "
                    + NetworkLab.SERVER_IP
                    + ":69 -s '"
                    + server.path(E2eBootServer.TFTP_ROOT)
                    + "'"));
    awaitPort(lab, process, "tftpd", "-uln", NetworkLab.SERVER_IP + ":69");
    return process;
  }

  /**
   * rpcbind and NFS-Ganesha (FSAL VFS) on the ganesha.conf netroot wrote. They share a private
   * mount namespace, held by a bounded {@code sleep}, with a tmpfs on {@code /run} (rpcbind's
   * socket and Ganesha's pid file) and the root's {@code /srv} bind-mounted over {@code /srv}, so
   * that the export paths in ganesha.conf are the root image's and nothing of this machine is
   * touched.
   */
  static List<Process> ganesha(NetworkLab lab, E2eBootServer server) {
    return ganesha(lab, server, "");
  }

  /**
   * As {@link #ganesha(NetworkLab, E2eBootServer)}, with {@code suffix} on the log names, so that a
   * restart is awaited in logs of its own.
   *
   * @return the processes started (the namespace holder, rpcbind, Ganesha), for {@link #stopAll}
   */
  static List<Process> ganesha(NetworkLab lab, E2eBootServer server, String suffix) {
    String ganesha = Require.program("ganesha.nfsd", "nfs-ganesha");
    Require.file(
        Path.of("/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so"),
        "bin/setup installs it (Debian package nfs-ganesha-vfs)");
    String rpcbind = Require.program("rpcbind", "rpcbind");
    String unshare = Require.program("unshare", "util-linux");
    String nsenter = Require.program("nsenter", "util-linux");
    Process holder =
        lab.start(
            lab.server,
            "nfs-namespace" + suffix,
            List.of(
                unshare,
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                "mount -t tmpfs tmpfs /run && mount --bind '"
                    + server.path("/srv")
                    + "' /srv && exec sleep 900"));
    String pid = Long.toString(holder.pid());
    Path run = Path.of("/proc", pid, "root", "run");
    if (!NetworkLab.await(
        Duration.ofSeconds(10),
        () -> holder.isAlive() && Files.isDirectory(run) && isTmpfs(holder.pid()))) {
      fail("the NFS servers' mount namespace did not come up" + lab.logsText());
    }
    Process rpcbindProcess =
        lab.start(
            lab.server, "rpcbind" + suffix, List.of(nsenter, "-t", pid, "-m", rpcbind, "-f", "-w"));
    if (!NetworkLab.await(
        Duration.ofSeconds(10), () -> Files.exists(run.resolve("rpcbind.sock")))) {
      fail("rpcbind did not start (alive: " + rpcbindProcess.isAlive() + ")" + lab.logsText());
    }
    Process process =
        lab.start(
            lab.server,
            "ganesha" + suffix,
            List.of(
                nsenter,
                "-t",
                pid,
                "-m",
                ganesha,
                "-F",
                "-L",
                lab.log("ganesha.nfsd" + suffix).toString(),
                "-f",
                server.path(E2eBootServer.GANESHA_CONF).toString(),
                "-p",
                "/run/ganesha.pid",
                "-N",
                "NIV_EVENT"));
    awaitLog(
        lab, process, "ganesha.nfsd" + suffix, "NFS SERVER INITIALIZED", Duration.ofSeconds(60));
    return List.of(holder, rpcbindProcess, process);
  }

  /** Ends {@code processes} by PID, the last started first. */
  static void stopAll(List<Process> processes) {
    for (int i = processes.size() - 1; i >= 0; i--) {
      NetworkLab.stop(processes.get(i));
    }
  }

  private static boolean isTmpfs(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "mounts")).stream()
          .anyMatch(line -> line.startsWith("tmpfs /run tmpfs"));
    } catch (IOException e) {
      return false;
    }
  }

  static void awaitLog(NetworkLab lab, Process process, String log, String text, Duration timeout) {
    boolean ready =
        NetworkLab.await(timeout, () -> !process.isAlive() || read(lab.log(log)).contains(text));
    if (!ready || !process.isAlive()) {
      fail(log + " did not start (no \"" + text + "\" in its log)" + lab.logsText());
    }
  }

  /**
   * Waits until {@code text} is in the log {@code log} {@code times} times, while {@code process}
   * lives: a daemon that says the same thing at each reload.
   */
  static void awaitLog(
      NetworkLab lab, Process process, String log, String text, int times, Duration timeout) {
    boolean ready =
        NetworkLab.await(
            timeout, () -> !process.isAlive() || read(lab.log(log)).split(text, -1).length > times);
    if (!ready || !process.isAlive()) {
      fail(log + " did not say \"" + text + "\" " + times + " times" + lab.logsText());
    }
  }

  private static void awaitPort(
      NetworkLab lab, Process process, String name, String ssFlags, String local) {
    boolean ready =
        NetworkLab.await(
            Duration.ofSeconds(10),
            () ->
                !process.isAlive()
                    || lab.exec(lab.server, Duration.ofSeconds(5), List.of("ss", ssFlags))
                        .output()
                        .contains(local));
    if (!ready || !process.isAlive()) {
      fail(name + " is not listening on " + local + lab.logsText());
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
