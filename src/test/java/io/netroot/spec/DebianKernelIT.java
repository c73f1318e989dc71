package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netroot.kernel.BzImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Debian's real kernel package ({@code bin/fetch-kernel}, downloaded once into {@code
 * target/debian-kernel/}): its release is read from the image, and its stock config, which builds
 * NFS as modules, is rejected for {@code rootMethod: kernel} with the advice to boot with an
 * initrd.
 */
class DebianKernelIT {

  static final Path KERNEL = Path.of("target", "debian-kernel");

  @TempDir Path dir;

  @BeforeAll
  static void fetchOnce() throws IOException, InterruptedException {
    if (Files.isRegularFile(KERNEL.resolve("vmlinuz"))
        && Files.isRegularFile(KERNEL.resolve("config"))
        && Files.isRegularFile(KERNEL.resolve("vmlinuz.name"))) {
      return;
    }
    Path log = Files.createTempFile("fetch-kernel", ".log");
    Process process =
        new ProcessBuilder("sh", "bin/fetch-kernel", KERNEL.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = process.waitFor(15, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    if (!done || process.exitValue() != 0 || !Files.isRegularFile(KERNEL.resolve("vmlinuz"))) {
      fail(
          "Debian's kernel is missing: bin/fetch-kernel "
              + KERNEL
              + " could not download linux-image-amd64 (it needs apt-get download and dpkg-deb,"
              + " with Debian's package lists); put vmlinuz, config and vmlinuz.name there by"
              + " hand or fix the download. Its output:\n"
              + output);
    }
  }

  @Test
  void theReleaseInTheImageIsThePackagesFileName() throws IOException {
    String fileName = Files.readString(KERNEL.resolve("vmlinuz.name")).strip();
    assertThat(fileName).startsWith("vmlinuz-");
    assertThat(BzImage.release(KERNEL.resolve("vmlinuz")))
        .contains(fileName.substring("vmlinuz-".length()));
  }

  @Test
  void itsStockConfigIsRejectedForRootMethodKernelWithTheInitrdAdvice() {
    Path config = KERNEL.resolve("config").toAbsolutePath();
    write(dir, "00-base.yaml", resource("base.yaml"));
    write(
        dir,
        "debian.yaml",
        """
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: debian}
        spec: {image: /boot/vmlinuz, config: CONFIG, rootMethod: kernel}
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: debian-nfs}
        spec: {kernel: debian, rootImage: img, nfsOptions: [tcp, vers=3]}
        """
            .replace("CONFIG", config.toString()));

    List<SpecError> errors = SpecFixtures.errors(dir);

    assertThat(errors)
        .anySatisfy(
            error -> {
              assertThat(error.position())
                  .isEqualTo(new Position(dir.resolve("debian.yaml").toString(), 4, 38));
              assertThat(error.message())
                  .startsWith("Kernel \"debian\": rootMethod: kernel")
                  .contains("CONFIG_NFS_FS=m is built as a module: without an initrd")
                  .contains("CONFIG_ROOT_NFS is not set")
                  .contains("CONFIG_IP_PNP is not set")
                  .contains("boot with an initrd (rootMethod: initramfs-tools or dracut)");
            });
    assertThat(errors)
        .anySatisfy(
            error ->
                assertThat(error.message())
                    .startsWith("Profile \"debian-nfs\": mounts its root with NFS vers=3")
                    .contains("CONFIG_NFS_V3=m is built as a module")
                    .contains("rootMethod: initramfs-tools or dracut"));
    assertThat(errors)
        .anySatisfy(
            error ->
                assertThat(error.message())
                    .startsWith("Profile \"debian-nfs\": RootImage \"img\" has devices: devtmpfs")
                    .contains("CONFIG_DEVTMPFS_MOUNT is not set"));
    assertThat(errors).hasSize(3);
  }
}
