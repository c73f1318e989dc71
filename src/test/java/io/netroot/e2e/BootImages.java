package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the guest boots, made by the test: an initrd (busybox, klibc's {@code ipconfig} and {@code
 * nfsmount}, the e1000 NIC and NFS modules of Debian's kernel with their dependencies, and an
 * {@code /init} that mounts the {@code nfsroot=} of the kernel command line), and a root image
 * whose {@code /sbin/init} leaves a mark with {@code /proc/cmdline} on the NFS root and powers off.
 * For an image netroot builds, the {@code /etc/rc.local} that reports the boot on the serial
 * console ({@link #RC_LOCAL}), and the reading of that report ({@link #report}).
 */
final class BootImages {

  /** One line of a guest's report: {@code netroot-e2e HOSTNAME KEY=VALUE}. */
  static final Pattern REPORT = Pattern.compile("netroot-e2e (\\S+) ([a-z-]+)=(.*)");

  /**
   * The {@code /etc/rc.local} of a built image, run by Debian's rc-local.service: it returns at
   * once and reports from the background, once {@code systemctl is-system-running} is past
   * starting.
   *
   * <p>Each line goes to the serial console as {@code netroot-e2e HOSTNAME KEY=VALUE}: the state,
   * the uptime, when multi-user.target was reached, the failed units, the mounts of {@code /} and
   * {@code /run/netroot}, the node's IPv4 addresses with their lifetimes, then it writes {@code
   * /var/tmp/written-by-HOSTNAME}, lists {@code /var/tmp} 30 s later, and says whether {@code less}
   * is installed. {@code netroot.e2e.poweroff} on the kernel command line powers the node off
   * after; {@code netroot.e2e.stay} keeps it up, reading a file of its root it has not read yet
   * every 5 s.
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
        if command -v ip >/dev/null; then
          ip -4 -o addr show scope global | while read -r line; do say "address=$line"; done
        fi
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

  /**
   * The modules the initrd loads, before their dependencies are added: the e1000 NIC, and the
   * virtio one of the Secure Boot guest ({@code virtio_pci} is its bus, which no module names as a
   * dependency).
   */
  static final List<String> MODULES = List.of("e1000", "virtio_pci", "virtio_net", "nfsv3");

  static final String INIT =
      """
      #!/bin/busybox sh
      /bin/busybox --install -s /bin
      mkdir -p /proc /sys /dev /root
      mount -t proc proc /proc
      mount -t sysfs sysfs /sys
      mount -t devtmpfs devtmpfs /dev
      echo "initrd: loading modules"
      for m in $(cat /modules.load); do insmod "/modules/$m.ko" || echo "initrd: insmod $m failed"; done
      i=0
      while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
      /bin/ipconfig -t 30 -c dhcp -d eth0 || echo "initrd: ipconfig failed"
      nfsroot=$(sed -n 's/.*nfsroot=\\([^ ]*\\).*/\\1/p' /proc/cmdline)
      target=${nfsroot%%,*}
      options=${nfsroot#"$target"}
      options=${options#,}
      echo "initrd: nfsmount -o nolock,$options $target /root"
      /bin/nfsmount -o "nolock,$options" "$target" /root || { echo "initrd: nfsmount failed"; sleep 5; poweroff -f; }
      mount --move /dev /root/dev 2>/dev/null || umount /dev
      umount /sys /proc
      exec switch_root /root /sbin/init
      """;

  private BootImages() {}

  /**
   * Debian's kernel and its modules in {@link BootIT#KERNEL_DIR}, fetched by {@code
   * bin/fetch-kernel --modules} (which keeps the package download outside the repository); returns
   * the kernel's release.
   */
  static String debianKernel() throws IOException {
    NetworkLab.Result fetch =
        NetworkLab.run(
            List.of("bin/fetch-kernel", "--modules", BootIT.KERNEL_DIR.toString()),
            Duration.ofMinutes(5),
            false);
    assertThat(fetch.exit()).as("bin/fetch-kernel: %s", fetch.output()).isZero();
    return Files.readString(BootIT.KERNEL_DIR.resolve("vmlinuz.name")).trim().substring(8);
  }

  /**
   * {@code work/initrd.img} for Debian's kernel ({@link #debianKernel}), loading {@code modules}
   * and padded with {@code padBytes}, as {@link #initrd(Path, Path, Path, List, long)} makes it.
   */
  static Path debianInitrd(Path work, List<String> modules, long padBytes) throws IOException {
    String release = debianKernel();
    Path initrd = work.resolve("initrd.img");
    initrd(BootIT.KERNEL_DIR.resolve("lib/modules/" + release), work, initrd, modules, padBytes);
    return initrd;
  }

  /**
   * Builds a gzipped newc initrd at {@code initrd}.
   *
   * @param modulesDir the kernel's {@code lib/modules/RELEASE}
   */
  static void initrd(Path modulesDir, Path work, Path initrd) throws IOException {
    initrd(modulesDir, work, initrd, MODULES, 0);
  }

  /**
   * As {@link #initrd(Path, Path, Path)}, loading {@code modules} (and their dependencies), and
   * with {@code padBytes} of incompressible data in {@code /padding}, so that the initrd has the
   * size of a distribution's (Debian's is about 37 MB) for timing its load.
   */
  static void initrd(Path modulesDir, Path work, Path initrd, List<String> modules, long padBytes)
      throws IOException {
    String busybox = Require.program("busybox", "busybox-static");
    Require.program("cpio", "cpio");
    Path klibc = Path.of("/usr/lib/klibc/bin");
    Require.file(klibc.resolve("ipconfig"), "bin/setup installs it (Debian package klibc-utils)");
    Path tree = Files.createDirectories(work.resolve("initrd-tree"));
    Files.createDirectories(tree.resolve("bin"));
    Files.createDirectories(tree.resolve("modules"));
    Files.copy(Path.of(busybox), tree.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
    for (String program : List.of("ipconfig", "nfsmount")) {
      Files.copy(klibc.resolve(program), tree.resolve("bin/" + program));
    }
    // klibc's programs need the klibc shared library, at the path they were linked with.
    try (var files = Files.list(Path.of("/usr/lib"))) {
      for (Path lib : files.filter(f -> f.getFileName().toString().startsWith("klibc-")).toList()) {
        Files.createDirectories(tree.resolve("lib"));
        Files.copy(lib, tree.resolve("lib/" + lib.getFileName()));
      }
    }
    List<String> order = loadOrder(modulesDir, modules);
    if (padBytes > 0) {
      byte[] block = new byte[1 << 20];
      java.util.Random random = new java.util.Random(padBytes);
      try (var out = Files.newOutputStream(tree.resolve("padding"))) {
        for (long left = padBytes; left > 0; left -= block.length) {
          random.nextBytes(block);
          out.write(block, 0, (int) Math.min(block.length, left));
        }
      }
    }
    for (String module : order) {
      Files.copy(
          modulesDir.resolve(modulePaths(modulesDir).get(module)),
          tree.resolve("modules/" + module + ".ko"));
    }
    Files.writeString(tree.resolve("modules.load"), String.join("\n", order) + "\n");
    Path init = tree.resolve("init");
    Files.writeString(init, INIT);
    Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
    NetworkLab.Result result =
        NetworkLab.run(
            List.of(
                "sh",
                "-c",
                "cd '"
                    + tree
                    + "' && find . | cpio -o -H newc --quiet | gzip -1 > '"
                    + initrd
                    + "'"),
            Duration.ofMinutes(1),
            false);
    if (result.exit() != 0) {
      throw new IOException("cannot build the initrd: " + result.output());
    }
  }

  /** The modules to load, each after its dependencies (read from each module's .modinfo). */
  static List<String> loadOrder(Path modulesDir) throws IOException {
    return loadOrder(modulesDir, MODULES);
  }

  /** As {@link #loadOrder(Path)}, for {@code modules}. */
  static List<String> loadOrder(Path modulesDir, List<String> modules) throws IOException {
    Map<String, String> paths = modulePaths(modulesDir);
    Set<String> order = new LinkedHashSet<>();
    for (String module : modules) {
      add(module, paths, modulesDir, order, new LinkedHashSet<>());
    }
    return new ArrayList<>(order);
  }

  private static void add(
      String module, Map<String, String> paths, Path dir, Set<String> order, Set<String> visiting)
      throws IOException {
    if (order.contains(module) || !visiting.add(module)) {
      return;
    }
    String path = paths.get(module);
    if (path == null) {
      throw new IOException("module " + module + " not in " + dir.resolve("modules.order"));
    }
    for (String dependency : depends(Files.readAllBytes(dir.resolve(path)))) {
      add(dependency, paths, dir, order, visiting);
    }
    order.add(module);
  }

  /** The {@code depends=} of a module's .modinfo section, in its bytes. */
  static List<String> depends(byte[] ko) {
    String text = new String(ko, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\0depends=");
    if (at < 0) {
      return List.of();
    }
    int start = at + "\0depends=".length();
    String value = text.substring(start, text.indexOf('\0', start));
    return value.isEmpty()
        ? List.of()
        : List.of(value.split(",")).stream().map(d -> d.replace('-', '_')).toList();
  }

  /** Module name ({@code nfs_acl}) to its path in the modules directory, from modules.order. */
  private static Map<String, String> modulePaths(Path modulesDir) throws IOException {
    Map<String, String> paths = new TreeMap<>();
    for (String line : Files.readAllLines(modulesDir.resolve("modules.order"))) {
      String name = line.substring(line.lastIndexOf('/') + 1).replaceAll("\\.ko.*$", "");
      paths.put(name.replace('-', '_'), line.trim());
    }
    return paths;
  }

  /**
   * Fills {@code image} with busybox and an {@code /sbin/init} that writes {@code /MARK} holding
   * {@code /proc/cmdline}, syncs, and powers off.
   */
  static void rootImage(Path image, String mark) throws IOException {
    String busybox = Require.program("busybox", "busybox-static");
    for (String d : List.of("bin", "sbin", "proc", "sys", "dev", "tmp", "etc")) {
      Files.createDirectories(image.resolve(d));
    }
    Files.copy(Path.of(busybox), image.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
    Path init = image.resolve("sbin/init");
    Files.writeString(
        init,
        """
        #!/bin/busybox sh
        /bin/busybox mount -t proc proc /proc
        echo "root image: init running"
        /bin/busybox cat /proc/cmdline > /%1$s.tmp
        /bin/busybox mv /%1$s.tmp /%1$s
        /bin/busybox sync
        echo "root image: mark written, powering off"
        /bin/busybox poweroff -f
        """
            .formatted(mark));
    Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
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

  /** The one value of {@code key} in a report; it fails unless there is exactly one. */
  static String one(Map<String, List<String>> report, String key) {
    List<String> values = report.get(key);
    assertThat(values).as("%s in the report %s", key, report).isNotNull().hasSize(1);
    return values.get(0);
  }
}
