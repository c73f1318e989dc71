package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.kernel.PeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loader: grub} through the real command: the Secure Boot chain and GRUB's files in the TFTP
 * root, the shim in dhcpd.conf, the kernel's signature warned about or, with {@code secureBoot:
 * required}, refused with its position; shim and GRUB taken from the root prefix.
 */
class SecureBootPlanTest {

  static final String GRUB_PROFILE =
      """
      apiVersion: netroot/v1
      kind: Profile
      metadata: {name: nfs-centos55}
      spec:
        kernel: linux-nfs1
        rootImage: cent55
        nfsOptions: [tcp, vers=3]
        kernelArgs: [text]
        menuLabel: nfs-centos55
        loader: grub
      """;

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    server.editSpec(
        "boot.yaml",
        boot -> {
          int profile = boot.indexOf("apiVersion: netroot/v1\nkind: Profile");
          return boot.substring(0, profile) + GRUB_PROFILE;
        });
    // Where Debian's packages put them, under the root prefix: netroot's default.
    for (String file :
        new String[] {
          "/usr/lib/shim/shimx64.efi.signed",
          "/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed"
        }) {
      Files.createDirectories(server.file(file).getParent());
      Files.writeString(server.file(file), "signed file " + file + "\n");
    }
  }

  @Test
  void aGrubProfileGetsTheChainItsGrubFilesAndTheShimFromDhcpAndBiosKeepsPxelinux()
      throws Exception {
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.signed());

    TestBootServer.Run apply = server.agent("apply", "--no-diff");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).doesNotContain("warning:");
    assertThat(server.file("/var/lib/tftpboot/grub/shimx64.efi"))
        .hasContent("signed file /usr/lib/shim/shimx64.efi.signed");
    assertThat(server.file("/var/lib/tftpboot/grub/grubx64.efi"))
        .hasContent("signed file /usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed");
    assertThat(server.file("/var/lib/tftpboot/grub/grub.cfg"))
        .content()
        .contains("configfile \"$prefix/grub.cfg-01-$netroot_mac\"")
        .contains("menuentry 'nfs-centos55' --id 'nfs-centos55' {");
    assertThat(server.file("/var/lib/tftpboot/grub/grub.cfg-01-08-00-2b-4c-59-23"))
        .content()
        .contains("set timeout=0\n")
        .contains(
            "  linux '/images/linux-nfs1/vmlinuz-nfs1' 'ip=::::::dhcp' 'root=/dev/nfs'"
                + " 'nfsroot=10.0.0.1:/storage/diskless/cent55_root,tcp,vers=3' 'text'"
                + " 'BOOTIF=01-08-00-2b-4c-59-23'\n");
    // BIOS clients keep pxelinux; UEFI ones boot through GRUB, not syslinux.efi.
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).exists();
    assertThat(server.file("/var/lib/tftpboot/efi64/pxelinux.cfg/01-08-00-2b-4c-59-23"))
        .doesNotExist();
    String dhcpd = Files.readString(server.file("/etc/dhcp/dhcpd.conf"));
    assertThat(dhcpd.substring(dhcpd.indexOf("host devboard")))
        .contains(
            "    if option arch = 00:07 or option arch = 00:09 {\n"
                + "      filename \"grub/shimx64.efi\";\n"
                + "    }\n");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void anUnsignedKernelIsAWarningOfEveryPlan() throws Exception {
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.unsigned());

    TestBootServer.Run first = server.agent("apply", "--no-diff");
    TestBootServer.Run again = server.agent("plan", "--no-diff", "--detailed-exitcode");

    assertThat(first.exit()).isZero();
    for (TestBootServer.Run run : new TestBootServer.Run[] {first, again}) {
      assertThat(run.out())
          .contains(
              "warning: /var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1: Kernel \"linux-nfs1\""
                  + " carries no Authenticode signature (its certificate table is empty): under"
                  + " UEFI Secure Boot the shim and GRUB refuse to start it (loader: grub in"
                  + " Profile \"nfs-centos55\" at ");
    }
    assertThat(again.exit()).isZero();
  }

  @Test
  void secureBootRequiredWithAnUnsignedKernelIsAnErrorAtItsPositionAndNothingIsWritten()
      throws Exception {
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.unsigned());
    server.editSpec("boot.yaml", boot -> boot + "  secureBoot: required\n");

    TestBootServer.Run plan = server.agent("apply");

    assertThat(plan.exit()).isEqualTo(1);
    Path boot = server.specs.resolve("boot.yaml");
    int line = (int) Files.readString(boot).lines().count();
    assertThat(plan.err())
        .contains(
            boot
                + ":"
                + line
                + ":15: Profile \"nfs-centos55\": secureBoot: required, but Kernel \"linux-nfs1\"")
        .contains("carries no Authenticode signature");
    assertThat(server.file("/var/lib/tftpboot")).doesNotExist();
  }

  @Test
  void theSpecsBootloaderFilesWinOverTheRootPrefixes() throws Exception {
    Path shim = dir.resolve("my-shim.efi");
    Files.writeString(shim, "my shim\n");
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace(
                "efiModulesDir: " + server.bootloader + "}",
                "efiModulesDir: " + server.bootloader + ", shim: " + shim + "}"));
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.signed());

    TestBootServer.Run apply = server.agent("apply", "--no-diff");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(server.file("/var/lib/tftpboot/grub/shimx64.efi")).hasContent("my shim");
  }

  @Test
  void removingTheLastGrubProfileRemovesItsFiles() throws Exception {
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.signed());
    assertThat(server.agent("apply", "--no-diff").exit()).isZero();
    server.editSpec("boot.yaml", boot -> boot.replace("  loader: grub\n", ""));

    TestBootServer.Run apply = server.agent("apply", "--no-diff");

    assertThat(apply.exit()).isZero();
    assertThat(apply.out()).contains("- delete /var/lib/tftpboot/grub/grub.cfg");
    assertThat(server.file("/var/lib/tftpboot/grub/shimx64.efi")).doesNotExist();
    assertThat(server.file("/var/lib/tftpboot/efi64/pxelinux.cfg/01-08-00-2b-4c-59-23")).exists();
  }

  @Test
  void aKernelWhoseSignerTheShimsOwnCaDidNotIssueIsAWarning() throws Exception {
    Files.write(server.specs.resolve("kernels/vmlinuz-nfs1"), PeImages.signed());
    Path shim = server.file("/usr/lib/shim/shimx64.efi.signed");
    Files.write(shim, PeImages.shimWith(PeImages.anotherCa()));

    TestBootServer.Run other = server.agent("plan", "--no-diff");
    Files.write(shim, PeImages.shimWith(PeImages.signerCertificate()));
    TestBootServer.Run own = server.agent("plan", "--no-diff");

    assertThat(other.out())
        .contains(
            "warning: /var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1: Kernel \"linux-nfs1\" is"
                + " signed by CN=netroot test signer (issued by CN=netroot test signer), which the"
                + " shim's own CA (CN=another CA, in "
                + shim
                + ") did not issue");
    assertThat(own.out()).doesNotContain("warning:");
  }
}
