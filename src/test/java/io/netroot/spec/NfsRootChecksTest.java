package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfsRootChecksTest {

  @TempDir Path dir;

  @BeforeEach
  void base() {
    write(dir, "00-base.yaml", resource("base.yaml"));
    write(
        dir,
        "net.yaml",
        """
        apiVersion: netroot/v1
        kind: Network
        metadata: {name: big}
        spec: {subnet: 10.1.0.0/16}
        ---
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: big-export}
        spec:
          path: /srv
          clients: [{match: 10.1.0.0/16, options: [rw]}]
        """);
  }

  static String profile(String kernel, String options) {
    return """
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: p2}
        spec: {kernel: KERNEL, rootImage: img, nfsOptions: OPTIONS}
        """
        .replace("KERNEL", kernel)
        .replace("OPTIONS", options);
  }

  static String kernel(String name, String method) {
    return """
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: NAME}
        spec: {image: /boot/vmlinuz, initrd: /boot/initrd.img, rootMethod: METHOD}
        """
        .replace("NAME", name)
        .replace("METHOD", method);
  }

  static String hosts(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(
          """
          ---
          apiVersion: netroot/v1
          kind: Host
          metadata: {name: n%d}
          spec: {mac: "02:00:00:00:%02x:%02x", ip: 10.%d.%d.%d, profile: p2}
          """
              .formatted(i, i >> 8, i & 0xff, 1 + i / 62500, (i / 250) % 250, 1 + i % 250));
    }
    return out.toString();
  }

  @Test
  void manyHostsOnOneProfileAreOneError() {
    write(dir, "p.yaml", profile("k1", "[tcp]") + hosts(3000));
    assertThat(SpecFixtures.errors(dir))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .startsWith(
                        "Profile \"p2\": booted by Hosts \"n0\", \"n1\", \"n2\" and 2997 more:")
                    .contains("add vers=3"));
  }

  @Test
  void initramfsToolsNeedsAVersionAndDracutDoesNot() {
    write(dir, "p.yaml", kernel("k2", "initramfs-tools") + profile("k2", "[tcp]") + hosts(1));
    assertThat(SpecFixtures.errors(dir))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("klibc nfsmount"));

    write(dir, "p.yaml", kernel("k2", "dracut") + profile("k2", "[tcp]") + hosts(1));
    assertThatCode(() -> SpecLoader.load(dir)).doesNotThrowAnyException();
  }

  @Test
  void aServerOfferingV2AndUdpAcceptsTheKernelsDefaults() {
    write(
        dir,
        "00-base.yaml",
        resource("base.yaml")
            .replace(
                "spec: {address: 10.0.0.1}",
                "spec: {address: 10.0.0.1, nfs: {versions: {v2: true}, udp: true}}"));
    write(dir, "p.yaml", profile("k1", "[]") + hosts(1));
    assertThatCode(() -> SpecLoader.load(dir)).doesNotThrowAnyException();
  }

  @Test
  void withoutVersTheConfigCheckSaysWhatItAssumed() {
    write(
        dir,
        "config-nfs",
        "CONFIG_ROOT_NFS=y\nCONFIG_NFS_FS=y\nCONFIG_IP_PNP=y\nCONFIG_IP_PNP_DHCP=y\n"
            + "CONFIG_NFS_V3=m\nCONFIG_DEVTMPFS_MOUNT=y\n");
    write(
        dir,
        "00-base.yaml",
        resource("base.yaml")
            .replace(
                "spec: {address: 10.0.0.1}",
                "spec: {address: 10.0.0.1, nfs: {versions: {v2: true}}}"));
    write(
        dir,
        "p.yaml",
        """
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: k2}
        spec: {image: /boot/vmlinuz, config: config-nfs}
        """
            + profile("k2", "[tcp]"));
    assertThat(SpecFixtures.errors(dir))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .contains("no vers=, so netroot assumed nfsroot's default, vers=3")
                    .contains("CONFIG_NFS_V3=m is built as a module"));
  }
}
