package io.netroot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the guest boots, made by the test: an initrd (busybox, klibc's {@code ipconfig} and {@code
 * nfsmount}, the e1000 NIC and NFS modules of Debian's kernel with their dependencies, and an
 * {@code /init} that mounts the {@code nfsroot=} of the kernel command line), and a root image
 * whose {@code /sbin/init} leaves a mark with {@code /proc/cmdline} on the NFS root and powers off.
 */
final class BootImages {

  /** The modules the initrd loads, before their dependencies are added. */
  static final List<String> MODULES = List.of("e1000", "nfsv3");

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
   * Builds a gzipped newc initrd at {@code initrd}.
   *
   * @param modulesDir the kernel's {@code lib/modules/RELEASE}
   */
  static void initrd(Path modulesDir, Path work, Path initrd) throws IOException {
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
    List<String> order = loadOrder(modulesDir);
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
    Map<String, String> paths = modulePaths(modulesDir);
    Set<String> order = new LinkedHashSet<>();
    for (String module : MODULES) {
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
}
