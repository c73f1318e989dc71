package io.netroot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A boot server for command-line tests: the seed's specs in a temp directory, with a made-up kernel
 * and bootloader directory beside them, a root prefix to apply into, and a way to run {@code agent}
 * in-process and capture what it prints.
 */
final class TestBootServer {

  static final String SEED =
      """
      apiVersion: netroot/v1
      kind: BootServer
      metadata: {name: bootsrv}
      spec:
        address: 10.0.0.1
        platform: debian
        tftpRoot: /var/lib/tftpboot
        dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd}
        nfs: {exportsFile: /etc/exports, service: nfs-server}
        tftp: {service: tftp}
        bootloader: {pxelinuxDir: BOOTLOADER, modulesDir: BOOTLOADER, efiDir: BOOTLOADER, efiModulesDir: BOOTLOADER}
      ---
      apiVersion: netroot/v1
      kind: Network
      metadata: {name: lab}
      spec:
        subnet: 10.0.0.0/24
        routers: [10.0.0.138]
        dnsServers: [10.0.0.138]
        dynamicRange: {start: 10.0.0.100, end: 10.0.0.199}
      ---
      apiVersion: netroot/v1
      kind: Kernel
      metadata: {name: linux-nfs1}
      spec:
        image: kernels/vmlinuz-nfs1
      ---
      apiVersion: netroot/v1
      kind: RootImage
      metadata: {name: cent55}
      spec:
        path: /storage/diskless/cent55_root
      ---
      apiVersion: netroot/v1
      kind: Export
      metadata: {name: cent55-root}
      spec:
        path: /storage/diskless/cent55_root
        clients:
          - match: 10.0.0.0/24
            options: [rw, sync, no_root_squash]
      ---
      apiVersion: netroot/v1
      kind: Profile
      metadata: {name: nfs-centos55}
      spec:
        kernel: linux-nfs1
        rootImage: cent55
        nfsOptions: [tcp, vers=3]
        kernelArgs: [text]
        menuLabel: nfs-centos55
      """;

  static final String DEVBOARD =
      """
      apiVersion: netroot/v1
      kind: Host
      metadata: {name: devboard}
      spec:
        mac: 08:00:2b:4c:59:23
        ip: 10.0.0.222
        profile: nfs-centos55
      """;

  /** What one run of the command printed and returned. */
  record Run(int exit, String out, String err) {}

  final Path specs;
  final Path root;
  final Path bootloader;

  TestBootServer(Path dir) {
    this.specs = dir.resolve("specs");
    this.root = dir.resolve("root");
    this.bootloader = dir.resolve("syslinux");
    try {
      Files.createDirectories(specs.resolve("kernels"));
      Files.createDirectories(root);
      Files.createDirectories(bootloader);
      for (String file :
          List.of(
              "pxelinux.0",
              "ldlinux.c32",
              "menu.c32",
              "libutil.c32",
              "libcom32.c32",
              "syslinux.efi",
              "ldlinux.e64")) {
        Files.writeString(bootloader.resolve(file), "bootloader file " + file + "\n");
      }
      Files.write(specs.resolve("kernels/vmlinuz-nfs1"), new byte[] {0x4d, 0x5a, 0, 1, 2, 3});
      writeSpec("boot.yaml", SEED.replace("BOOTLOADER", bootloader.toString()));
      writeSpec("hosts.yaml", DEVBOARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeSpec(String name, String yaml) {
    try {
      Files.writeString(specs.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a spec file through {@code edit}, as a user editing it by hand would. */
  void editSpec(String name, java.util.function.UnaryOperator<String> edit) {
    try {
      writeSpec(name, edit.apply(Files.readString(specs.resolve(name))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code agent COMMAND --specs SPECS --root ROOT ARGS...}. */
  Run agent(String command, String... args) {
    List<String> all =
        new ArrayList<>(List.of(command, "--specs", specs.toString(), "--root", root.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path file(String serverPath) {
    return root.resolve(serverPath.substring(1));
  }

  /** Every file under the root prefix with its content, to compare before and after a command. */
  Map<String, String> snapshot() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String key = root.relativize(p).toString();
        files.put(
            key,
            Files.isDirectory(p)
                ? "<dir>"
                : Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
