package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From specs to plan: a Kernel taken from a built image with {@code rootMethod: dracut} makes the
 * image's recipe a dracut one, and the hosts that boot it get dracut's kernel command line.
 */
class DracutImageCatalogTest {

  private static final ConfigChecker ACCEPTS_ALL =
      new ConfigChecker() {
        @Override
        public String name() {
          return "test";
        }

        @Override
        public boolean available() {
          return false;
        }

        @Override
        public Verdict check(byte[] candidate, String ownPart) {
          return Verdict.accepted(List.of());
        }
      };

  @TempDir Path dir;

  private Report plan(String rootMethod) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(
        specs.resolve("specs.yaml"),
        """
        apiVersion: netroot/v1
        kind: BootServer
        metadata: {name: bootsrv}
        spec: {address: 10.0.0.1, platform: debian, tftpRoot: /srv/tftp}
        ---
        apiVersion: netroot/v1
        kind: Network
        metadata: {name: lab}
        spec: {subnet: 10.0.0.0/24}
        ---
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: bookworm}
        spec:
          path: /srv/nfsroot/bookworm
          build: {distribution: debian, suite: bookworm, packages: [linux-image-amd64]}
          readOnly: true
          overlay: tmpfs
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: bookworm}
        spec: {fromImage: bookworm, rootMethod: %s}
        ---
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: root}
        spec:
          path: /srv/nfsroot/bookworm
          clients: [{match: 10.0.0.0/24, options: [ro, no_root_squash]}]
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: node}
        spec: {kernel: bookworm, rootImage: bookworm, nfsOptions: [tcp, vers=3]}
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: node01}
        spec: {mac: "52:54:00:00:00:01", ip: 10.0.0.21, profile: node}
        """
            .formatted(rootMethod));
    RootFs root = new RootFs(Files.createDirectories(dir.resolve("root")));
    return new Engine(root, ServiceBackend.none(), Clock.systemUTC())
        .reconcile(
            new CatalogCompiler(ACCEPTS_ALL, ServiceBackend.none())
                .compile(SpecLoader.load(specs), root),
            Options.plan());
  }

  private static ResourceResult at(Report report, String path) {
    return report.resources().stream()
        .filter(r -> r.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not in " + report.resources()));
  }

  @Test
  void aDracutKernelMakesTheImageWithDracutAndItsHostsBootWithRootNfs() throws Exception {
    Report plan = plan("dracut");

    assertThat(at(plan, "/srv/nfsroot/bookworm").desired().text())
        .contains("  dracut\n  dracut-network\n  linux-image-amd64\n")
        .contains("initramfs: dracut, root over NFS");
    assertThat(at(plan, "/srv/tftp/pxelinux.cfg/01-52-54-00-00-00-01").desired().text())
        .contains("APPEND ip=dhcp root=nfs:10.0.0.1:/srv/nfsroot/bookworm:tcp,vers=3\n");
  }

  @Test
  void anInitramfsToolsKernelKeepsTheImageAndCommandLineOfInitramfsTools() throws Exception {
    Report plan = plan("initramfs-tools");

    assertThat(at(plan, "/srv/nfsroot/bookworm").desired().text())
        .doesNotContain("dracut")
        .contains("initramfs: root over NFS");
    assertThat(at(plan, "/srv/tftp/pxelinux.cfg/01-52-54-00-00-00-01").desired().text())
        .contains("APPEND ip=dhcp boot=nfs nfsroot=10.0.0.1:/srv/nfsroot/bookworm,tcp,vers=3\n");
  }
}
