package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Export;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.Kernel;
import io.netroot.spec.Loader;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.Origin;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SecureBoot;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Spec sets built in code, as the loader would produce them. */
final class RenderFixtures {

  private RenderFixtures() {}

  /** The setup the project started from: one lab network, one profile, one host. */
  static SpecSet seed() {
    return new SpecSet(
        server("bootsrv", "10.0.0.1", 50, "local"),
        List.of(labNetwork()),
        List.of(nfs1Kernel()),
        List.of(cent55Image()),
        List.of(cent55Export()),
        List.of(centos55Profile()),
        List.of(host("devboard", "08:00:2b:4c:59:23", "10.0.0.222", "nfs-centos55")));
  }

  /**
   * Two networks (one without a dynamic range, with a domain and two routers), five hosts given in
   * an order that interleaves the networks, two profiles (one with an initrd), an export with
   * several clients, one of them without options, and an export whose path has a space.
   */
  static SpecSet lab() {
    Network cluster =
        new Network(
            "cluster",
            Ipv4Cidr.parse("192.168.10.0/24"),
            List.of(ip("192.168.10.1"), ip("192.168.10.2")),
            List.of(ip("192.168.10.1"), ip("10.0.0.138")),
            null,
            "cluster.example.org",
            origin("networks.yaml"));
    Kernel debian =
        new Kernel(
            "debian-6.1",
            Path.of("/srv/netroot/kernels/vmlinuz-6.1.0-18-amd64"),
            Path.of("/srv/netroot/kernels/initrd.img-6.1.0-18-amd64"),
            null,
            origin("kernels.yaml"));
    RootImage bookworm =
        new RootImage("bookworm", "/storage/diskless/bookworm_root", origin("images.yaml"));
    Export bookwormExport =
        new Export(
            "bookworm-root",
            "/storage/diskless/bookworm_root",
            List.of(
                new Export.Client("10.0.0.0/24", List.of("rw", "sync", "no_root_squash")),
                new Export.Client("192.168.10.0/24", List.of("ro", "sync", "no_subtree_check")),
                new Export.Client("scope1.lab.example.org", List.of())),
            false,
            origin("exports.yaml"));
    Export scratch =
        new Export(
            "scratch",
            "/srv/lab scratch",
            List.of(new Export.Client("10.0.0.0/24", List.of("rw", "sync"))),
            false,
            origin("exports.yaml"));
    Profile rescue =
        new Profile(
            "debian12-rescue",
            "debian-6.1",
            "bookworm",
            List.of("tcp", "vers=3", "nolock"),
            List.of("console=ttyS0,115200n8", "quiet"),
            "Debian 12 (rescue shell)",
            Firmware.AUTO,
            Loader.SYSLINUX,
            SecureBoot.OPTIONAL,
            origin("profiles.yaml"));
    return new SpecSet(
        server("labboot", "10.0.0.1", 100, "nfs-centos55"),
        List.of(labNetwork(), cluster),
        List.of(nfs1Kernel(), debian),
        List.of(cent55Image(), bookworm),
        List.of(cent55Export(), bookwormExport, scratch),
        List.of(centos55Profile(), rescue),
        List.of(
            host("devboard", "08:00:2b:4c:59:23", "10.0.0.222", "nfs-centos55"),
            host("node-a", "52:54:00:12:34:01", "192.168.10.11", "debian12-rescue"),
            host("scope1", "52:54:00:12:34:02", "10.0.0.50", "debian12-rescue"),
            host("node-b", "52:54:00:12:34:03", "192.168.10.12", "debian12-rescue"),
            host("testrig.lab", "52:54:00:12:34:04", "10.0.0.223", "nfs-centos55")));
  }

  /** 64 compute nodes on one network, one profile, a read-only root exported {@code ro}. */
  static SpecSet rack() {
    Network rack =
        new Network(
            "rack",
            Ipv4Cidr.parse("172.16.0.0/22"),
            List.of(ip("172.16.0.254")),
            List.of(ip("172.16.0.1")),
            null,
            null,
            origin("networks.yaml"));
    Kernel kernel =
        new Kernel(
            "compute-6.1",
            Path.of("/srv/netroot/kernels/vmlinuz-6.1-compute"),
            null,
            null,
            origin("kernels.yaml"));
    RootImage image = new RootImage("compute", "/srv/netroot/roots/compute", origin("images.yaml"));
    Export export =
        new Export(
            "compute-root",
            "/srv/netroot/roots/compute",
            List.of(
                new Export.Client(
                    "172.16.0.0/22", List.of("ro", "sync", "no_subtree_check", "no_root_squash"))),
            false,
            origin("exports.yaml"));
    Profile compute =
        new Profile(
            "compute",
            "compute-6.1",
            "compute",
            List.of("tcp", "vers=3", "nolock"),
            List.of("ro", "console=tty0", "console=ttyS1,115200n8"),
            "Compute node",
            Firmware.AUTO,
            Loader.SYSLINUX,
            SecureBoot.OPTIONAL,
            origin("profiles.yaml"));
    List<Host> hosts = new ArrayList<>();
    for (int i = 1; i <= 64; i++) {
      hosts.add(
          host(
              String.format("node%02d", i),
              String.format("52:54:00:ac:00:%02x", i),
              "172.16.1." + i,
              "compute"));
    }
    return new SpecSet(
        server("rackboot", "172.16.0.1", 30, "compute"),
        List.of(rack),
        List.of(kernel),
        List.of(image),
        List.of(export),
        List.of(compute),
        hosts);
  }

  /**
   * A boot server whose Debian profile boots UEFI clients through the signed chain ({@code loader:
   * grub}, {@code secureBoot: required}) beside a syslinux profile: one grub host booting by option
   * 93, one pinned to UEFI, one pinned to BIOS (which keeps pxelinux), and one of the syslinux
   * profile. {@code pxe.default} names the grub profile.
   */
  static SpecSet secureBoot() {
    Kernel debian =
        new Kernel(
            "debian",
            Path.of("/srv/netroot/kernels/vmlinuz-6.1.0-18-amd64"),
            Path.of("/srv/netroot/kernels/initrd.img-6.1.0-18-amd64"),
            null,
            null,
            io.netroot.spec.RootMethod.INITRAMFS_TOOLS,
            origin("kernels.yaml"));
    RootImage bookworm = new RootImage("bookworm", "/srv/nfsroot/bookworm", origin("images.yaml"));
    Export bookwormExport =
        new Export(
            "bookworm-root",
            "/srv/nfsroot/bookworm",
            List.of(new Export.Client("10.0.0.0/24", List.of("ro", "sync", "no_root_squash"))),
            false,
            origin("exports.yaml"));
    Profile secure =
        new Profile(
            "secure",
            "debian",
            "bookworm",
            List.of("tcp", "vers=3"),
            List.of("ro", "console=ttyS0,115200", "quiet"),
            "Debian 12, Secure Boot (it's signed)",
            io.netroot.spec.Firmware.AUTO,
            io.netroot.spec.Loader.GRUB,
            io.netroot.spec.SecureBoot.REQUIRED,
            origin("profiles.yaml"));
    return new SpecSet(
        server("secboot", "10.0.0.1", 45, "secure"),
        List.of(labNetwork()),
        List.of(nfs1Kernel(), debian),
        List.of(cent55Image(), bookworm),
        List.of(cent55Export(), bookwormExport),
        List.of(centos55Profile(), secure),
        List.of(
            host("node-a", "52:54:00:12:34:01", "10.0.0.11", "secure"),
            new Host(
                "node-b",
                MacAddress.parse("52:54:00:12:34:02"),
                ip("10.0.0.12"),
                "secure",
                io.netroot.spec.Firmware.UEFI,
                origin("hosts.yaml")),
            new Host(
                "node-c",
                MacAddress.parse("52:54:00:12:34:03"),
                ip("10.0.0.13"),
                "secure",
                io.netroot.spec.Firmware.BIOS,
                origin("hosts.yaml")),
            host("devboard", "08:00:2b:4c:59:23", "10.0.0.222", "nfs-centos55")));
  }

  static BootServer server(String name, String address, int timeout, String defaultEntry) {
    return new BootServer(
        name,
        ip(address),
        null,
        "/var/lib/tftpboot",
        new BootServer.Dhcp("/etc/dhcp/dhcpd.conf", "isc-dhcp-server"),
        new BootServer.Nfs("/etc/exports", "nfs-server"),
        new BootServer.Tftp("tftpd-hpa"),
        new BootServer.Bootloader(
            "/usr/lib/PXELINUX",
            "/usr/lib/syslinux/modules/bios",
            List.of("ldlinux.c32", "menu.c32", "libutil.c32")),
        new BootServer.Pxe(timeout, defaultEntry, "netroot: " + name),
        origin("server.yaml"));
  }

  static Network labNetwork() {
    return new Network(
        "lab",
        Ipv4Cidr.parse("10.0.0.0/24"),
        List.of(ip("10.0.0.138")),
        List.of(ip("10.0.0.138")),
        new Network.Range(ip("10.0.0.100"), ip("10.0.0.199")),
        null,
        origin("networks.yaml"));
  }

  static Kernel nfs1Kernel() {
    return new Kernel(
        "linux-nfs1",
        Path.of("/some/dir/kernels/vmlinuz-nfs1"),
        null,
        null,
        origin("kernels.yaml"));
  }

  static RootImage cent55Image() {
    return new RootImage("cent55", "/storage/diskless/cent55_root", origin("images.yaml"));
  }

  static Export cent55Export() {
    return new Export(
        "cent55-root",
        "/storage/diskless/cent55_root",
        List.of(new Export.Client("10.0.0.0/24", List.of("rw", "sync", "no_root_squash"))),
        false,
        origin("exports.yaml"));
  }

  static Profile centos55Profile() {
    return new Profile(
        "nfs-centos55",
        "linux-nfs1",
        "cent55",
        List.of("tcp", "vers=3"),
        List.of("text"),
        "nfs-centos55",
        Firmware.AUTO,
        Loader.SYSLINUX,
        SecureBoot.OPTIONAL,
        origin("profiles.yaml"));
  }

  /**
   * The seed's server with hosts of awkward {@code names} in its network (one per name, pinned
   * addresses from 10.0.0.10) and one host, {@code stray}, outside every network.
   */
  static SpecSet seedWithAwkwardHosts(String... names) {
    SpecSet seed = seed();
    List<Host> hosts = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      hosts.add(host(names[i], "52:54:00:00:01:0" + i, "10.0.0." + (10 + i), "nfs-centos55"));
    }
    hosts.add(host("stray", "52:54:00:00:02:01", "10.9.0.5", "nfs-centos55"));
    return new SpecSet(
        seed.server(),
        seed.networks(),
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        hosts);
  }

  static Host host(String name, String mac, String ip, String profile) {
    return new Host(name, MacAddress.parse(mac), ip(ip), profile, origin("hosts.yaml"));
  }

  static Ipv4 ip(String text) {
    return Ipv4.parse(text);
  }

  static Origin origin(String file) {
    return Origin.synthetic(file);
  }
}
