package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

  @TempDir Path dir;

  private SpecSet loadSeed() {
    write(dir, "seed.yaml", resource("seed.yaml"));
    return SpecLoader.load(dir);
  }

  @Test
  void seedLoadsTheBootServerWithDefaultsFilledIn() {
    BootServer server = loadSeed().server();
    assertThat(server.name()).isEqualTo("bootsrv");
    assertThat(server.address()).isEqualTo(Ipv4.parse("10.0.0.1"));
    assertThat(server.tftpRoot()).isEqualTo("/var/lib/tftpboot");
    assertThat(server.dhcp()).isEqualTo(new BootServer.Dhcp("/etc/dhcp/dhcpd.conf", "dhcpd"));
    assertThat(server.nfs()).isEqualTo(new BootServer.Nfs("/etc/exports", "nfs-server"));
    assertThat(server.tftp()).isEqualTo(new BootServer.Tftp("tftp"));
    assertThat(server.bootloader())
        .isEqualTo(
            new BootServer.Bootloader(
                null, null, List.of("ldlinux.c32", "menu.c32", "libutil.c32", "libcom32.c32")));
    assertThat(server.pxe()).isEqualTo(new BootServer.Pxe(50, "local", "netroot: bootsrv"));
  }

  @Test
  void seedLoadsEveryOtherDocumentWithEveryValue() {
    SpecSet set = loadSeed();
    assertThat(set.networks())
        .singleElement()
        .satisfies(
            network -> {
              assertThat(network.name()).isEqualTo("lab");
              assertThat(network.subnet()).isEqualTo(Ipv4Cidr.parse("10.0.0.0/24"));
              assertThat(network.routers()).containsExactly(Ipv4.parse("10.0.0.138"));
              assertThat(network.dnsServers()).containsExactly(Ipv4.parse("10.0.0.138"));
              assertThat(network.dynamicRange())
                  .isEqualTo(new Network.Range(Ipv4.parse("10.0.0.100"), Ipv4.parse("10.0.0.199")));
              assertThat(network.domainName()).isNull();
            });
    assertThat(set.kernels())
        .singleElement()
        .satisfies(
            kernel -> {
              assertThat(kernel.name()).isEqualTo("linux-nfs1");
              assertThat(kernel.image())
                  .isEqualTo(dir.resolve("kernels/vmlinuz-nfs1").toAbsolutePath().normalize());
              assertThat(kernel.initrd()).isNull();
              assertThat(kernel.sha256()).isNull();
            });
    assertThat(set.rootImages())
        .extracting(RootImage::name, RootImage::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cent55", "/storage/diskless/cent55_root"));
    assertThat(set.exports())
        .singleElement()
        .satisfies(
            export -> {
              assertThat(export.name()).isEqualTo("cent55-root");
              assertThat(export.path()).isEqualTo("/storage/diskless/cent55_root");
              assertThat(export.clients())
                  .containsExactly(
                      new Export.Client("10.0.0.0/24", List.of("rw", "sync", "no_root_squash")));
              assertThat(export.acknowledgeInsecure()).isFalse();
            });
    assertThat(set.profiles())
        .singleElement()
        .satisfies(
            profile -> {
              assertThat(profile.name()).isEqualTo("nfs-centos55");
              assertThat(profile.kernel()).isEqualTo("linux-nfs1");
              assertThat(profile.rootImage()).isEqualTo("cent55");
              assertThat(profile.nfsOptions()).containsExactly("tcp", "vers=3");
              assertThat(profile.kernelArgs()).containsExactly("text");
              assertThat(profile.menuLabel()).isEqualTo("nfs-centos55");
            });
    assertThat(set.hosts())
        .singleElement()
        .satisfies(
            host -> {
              assertThat(host.name()).isEqualTo("devboard");
              assertThat(host.mac()).isEqualTo(MacAddress.parse("08:00:2b:4c:59:23"));
              assertThat(host.ip()).isEqualTo(Ipv4.parse("10.0.0.222"));
              assertThat(host.profile()).isEqualTo("nfs-centos55");
            });
  }

  @Test
  void seedRecordsThePositionOfEveryFieldValue() {
    SpecSet set = loadSeed();
    String file = dir.resolve("seed.yaml").toString();
    Origin host = set.hosts().get(0).origin();
    assertThat(host.file()).isEqualTo(dir.resolve("seed.yaml"));
    assertThat(host.document()).isEqualTo(new Position(file, 51, 1));
    assertThat(host.at("spec.ip")).isEqualTo(new Position(file, 56, 7));
    assertThat(host.at("spec.mac")).isEqualTo(new Position(file, 55, 8));
    assertThat(host.at("metadata.name")).isEqualTo(new Position(file, 53, 18));
    Origin network = set.networks().get(0).origin();
    assertThat(network.at("spec.routers.0")).isEqualTo(new Position(file, 16, 13));
    assertThat(network.at("spec.dynamicRange.end")).isEqualTo(new Position(file, 18, 42));
    Origin export = set.exports().get(0).origin();
    assertThat(export.at("spec.clients.0.match")).isEqualTo(new Position(file, 38, 14));
    assertThat(export.at("spec.clients.0.options.2")).isEqualTo(new Position(file, 39, 27));
  }

  @Test
  void relativeKernelPathsResolveAgainstTheirSpecFilesDirectory() {
    write(dir, "00.yaml", resource("seed.yaml"));
    write(
        dir,
        "boot/kernels.yaml",
        """
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: k2}
        spec: {image: ../images/vmlinuz, initrd: /abs/initrd.img, rootMethod: dracut, sha256: %s}
        """
            .formatted("AB".repeat(32)));
    Kernel k2 = SpecLoader.load(dir).kernelsByName().get("k2");
    assertThat(k2.image()).isEqualTo(dir.resolve("images/vmlinuz").toAbsolutePath().normalize());
    assertThat(k2.initrd()).isEqualTo(Path.of("/abs/initrd.img"));
    assertThat(k2.sha256()).isEqualTo("ab".repeat(32));
  }

  @Test
  void filesAreFoundRecursivelyWithBothExtensionsAndLoadedInPathOrder() {
    String[] documents = resource("seed.yaml").split("(?m)^---\\n");
    String hosts = documents[6];
    write(dir, "z-server.yaml", String.join("---\n", List.of(documents).subList(0, 6)));
    write(
        dir,
        "b/hosts.yml",
        hosts.replace("devboard", "h-b").replace(":23", ":24").replace("10.0.0.222", "10.0.0.224"));
    write(dir, "a/deeper/hosts.yaml", hosts.replace("devboard", "h-a"));
    write(dir, "a/notes.txt", "not a spec");
    assertThat(SpecLoader.load(dir).hosts()).extracting(Host::name).containsExactly("h-a", "h-b");
  }

  @Test
  void emptyDocumentsAndCommentOnlyDocumentsAreSkipped() {
    write(dir, "a.yaml", "---\n# nothing here\n---\n" + resource("seed.yaml") + "\n---\n---\n");
    write(dir, "b.yaml", "# only a comment\n");
    assertThat(SpecLoader.load(dir).hosts()).hasSize(1);
  }

  @Test
  void fieldsThatAreNotWrittenGetTheirDefaults() {
    write(
        dir,
        "a.yaml",
        """
        apiVersion: netroot/v1
        kind: BootServer
        metadata: {name: s}
        spec: {address: 10.1.0.1, pxe: {timeout: 0x10, title: Boot}}
        ---
        apiVersion: netroot/v1
        kind: Network
        metadata: {name: n}
        spec: {subnet: 10.1.0.0/16}
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: p}
        spec: {kernel: k, rootImage: r}
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: k}
        spec: {image: /k}
        ---
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: r}
        spec: {path: /r}
        """);
    SpecSet set = SpecLoader.load(dir);
    assertThat(set.server().pxe()).isEqualTo(new BootServer.Pxe(16, "local", "Boot"));
    assertThat(set.server().dhcp()).isEqualTo(new BootServer.Dhcp(null, null));
    assertThat(set.server().nfs()).isEqualTo(new BootServer.Nfs(null, null));
    assertThat(set.server().tftp()).isEqualTo(new BootServer.Tftp(null));
    assertThat(set.networks().get(0).routers()).isEmpty();
    assertThat(set.networks().get(0).dynamicRange()).isNull();
    Profile profile = set.profiles().get(0);
    assertThat(profile.menuLabel()).isEqualTo("p");
    assertThat(profile.nfsOptions()).isEmpty();
    assertThat(profile.kernelArgs()).isEmpty();
  }

  @Test
  void severalErrorsInOneFileAreAllReportedInPositionOrder() {
    write(
        dir,
        "seed.yaml",
        resource("seed.yaml")
            .replace("address: 10.0.0.1", "address: 10.0.0.256")
            .replace("image: kernels/vmlinuz-nfs1", "image: [kernels/vmlinuz-nfs1]")
            .replace("kernel: linux-nfs1", "kernel: linux-nfs1\n  kernal: x")
            .replace("ip: 10.0.0.222", "ip: 10.0.0.150"));
    List<SpecError> errors = errors(dir);
    assertThat(errors).extracting(e -> e.position().line()).containsExactly(5, 24, 46, 57);
    assertThat(errors.get(0).message()).contains("BootServer \"bootsrv\": spec.address");
    assertThat(errors.get(1).message())
        .isEqualTo("Kernel \"linux-nfs1\": spec.image: expected a string, found a list");
    assertThat(errors.get(2).message()).contains("unknown field \"spec.kernal\"");
    assertThat(errors.get(3).toString())
        .isEqualTo(
            dir.resolve("seed.yaml")
                + ":57:7: Host \"devboard\": spec.ip 10.0.0.150 is"
                + " inside the dynamic range 10.0.0.100-10.0.0.199 of Network \"lab\"; pick an address"
                + " outside it");
  }

  @Test
  void errorsAcrossFilesAreSortedByFileThenLine() {
    write(dir, "b.yaml", "kind: Host\n");
    write(dir, "a.yaml", "apiVersion: netroot/v1\nkind: Nope\n");
    List<SpecError> errors = errors(dir);
    assertThat(errors)
        .extracting(e -> e.position().file())
        .isSorted()
        .contains(dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString());
  }

  @Test
  void errorsNameFilesRelativeToTheSpecsDirectoryAsGiven() {
    Path relative = Path.of("").toAbsolutePath().relativize(dir);
    write(dir, "hosts.yaml", "kind: Host\n");
    assertThat(errors(relative))
        .allSatisfy(
            e ->
                assertThat(e.position().file())
                    .isEqualTo(relative.resolve("hosts.yaml").toString()));
  }

  @Test
  void missingDirectoryIsReportedClearly() {
    assertThat(errors(dir.resolve("nope")))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("does not exist"));
  }

  @Test
  void directoryWithoutSpecFilesIsReportedClearly() {
    write(dir, "README.md", "specs go here");
    assertThat(errors(dir))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no spec files"));
  }

  @Test
  void specsWithoutBootServerAreRejectedAtTheDirectory() {
    write(
        dir,
        "n.yaml",
        "apiVersion: netroot/v1\nkind: Network\nmetadata: {name: n}\n"
            + "spec: {subnet: 10.0.0.0/24}\n");
    assertThat(errors(dir))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.position()).isEqualTo(new Position(dir.toString(), 1, 1));
              assertThat(e.message()).contains("no BootServer");
            });
  }

  @Test
  void invalidUtf8IsReportedAtTheFilesStart() throws Exception {
    java.nio.file.Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff});
    assertThat(errors(dir))
        .first()
        .satisfies(e -> assertThat(e.toString()).startsWith(dir.resolve("bad.yaml") + ":1:1: "));
  }
}
