package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.Status;
import io.netroot.kernel.PeImages;
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
 * A kernel taken from a root image is checked for its signature when its bytes are known, by the
 * pass: a warning for a {@code loader: grub} profile, a failure of the kernel file (and so of what
 * boots it) with {@code secureBoot: required}.
 */
class SecureBootAuditTest {

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

  private Report plan(byte[] kernel, String secureBoot) throws Exception {
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
        spec: {path: /srv/nfsroot/bookworm}
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: bookworm}
        spec: {fromImage: bookworm, rootMethod: initramfs-tools}
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
        spec:
          kernel: bookworm
          rootImage: bookworm
          nfsOptions: [tcp, vers=3]
          loader: grub
          secureBoot: %s
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: node01}
        spec: {mac: "52:54:00:00:00:01", ip: 10.0.0.21, profile: node}
        """
            .formatted(secureBoot));
    Path rootDir = Files.createDirectories(dir.resolve("root"));
    Path boot = Files.createDirectories(rootDir.resolve("srv/nfsroot/bookworm/boot"));
    Files.write(boot.resolve("vmlinuz-6.1.0-18-amd64"), kernel);
    Files.writeString(boot.resolve("initrd.img-6.1.0-18-amd64"), "initrd\n");
    for (String file :
        List.of(
            "usr/lib/shim/shimx64.efi.signed",
            "usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed")) {
      Files.createDirectories(rootDir.resolve(file).getParent());
      Files.writeString(rootDir.resolve(file), file);
    }
    RootFs root = new RootFs(rootDir);
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
  void anUnsignedKernelFromAnImageIsAWarningOfThePlan() throws Exception {
    Report plan = plan(PeImages.unsigned(), "optional");

    assertThat(at(plan, "/srv/tftp/images/bookworm/vmlinuz").status()).isEqualTo(Status.PLANNED);
    assertThat(plan.warnings())
        .singleElement()
        .asString()
        .startsWith(
            "/srv/tftp/images/bookworm/vmlinuz: Kernel \"bookworm\" (from root image bookworm)"
                + " carries no Authenticode signature");
  }

  @Test
  void anUnsignedKernelFromAnImageFailsWithSecureBootRequiredAndBlocksItsHosts() throws Exception {
    Report plan = plan(PeImages.unsigned(), "required");

    ResourceResult kernel = at(plan, "/srv/tftp/images/bookworm/vmlinuz");
    assertThat(kernel.status()).isEqualTo(Status.FAILED);
    assertThat(kernel.error())
        .matches(
            ".*specs\\.yaml:36:15: Profile \"node\" has secureBoot: required, but Kernel"
                + " \"bookworm\" \\(from root image bookworm\\) carries no Authenticode"
                + " signature.*nothing published")
        .doesNotContain("\n");
    assertThat(at(plan, "/srv/tftp/grub/grub.cfg-01-52-54-00-00-00-01").status())
        .isEqualTo(Status.BLOCKED);
    assertThat(plan.hasFailures()).isTrue();
  }

  @Test
  void aSignedKernelFromAnImagePassesQuietly() throws Exception {
    Report plan = plan(PeImages.signed(), "required");

    assertThat(at(plan, "/srv/tftp/images/bookworm/vmlinuz").status()).isEqualTo(Status.PLANNED);
    assertThat(at(plan, "/srv/tftp/grub/grub.cfg-01-52-54-00-00-00-01").status())
        .isEqualTo(Status.PLANNED);
    assertThat(plan.warnings()).isEmpty();
  }
}
