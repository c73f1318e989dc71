package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Kernel's {@code fromImage}: the kernel of a RootImage netroot builds, instead of a kernel file.
 * Exactly one of {@code image} and {@code fromImage}; what comes from the image is not written.
 */
class KernelFromImageSpecTest {

  @TempDir Path dir;

  private static final String IMAGE =
      """
      apiVersion: netroot/v1
      kind: RootImage
      metadata: {name: bookworm}
      spec:
        path: /srv/nfsroot/bookworm
        build: {distribution: debian, suite: bookworm, packages: [linux-image-amd64]}
        readOnly: true
        overlay: tmpfs
      ---
      """;

  private static final String KERNEL_HEAD =
      """
      apiVersion: netroot/v1
      kind: Kernel
      metadata: {name: kb}
      spec:
      """;

  @BeforeEach
  void base() {
    write(dir, "00-base.yaml", resource("base.yaml"));
  }

  /** The file's line at which the kernel's spec fields begin. */
  private static final int FIRST_FIELD = 14;

  private Position at(int line, int column) {
    return new Position(dir.resolve("kernel.yaml").toString(), line, column);
  }

  private SpecError onlyError(String fields) {
    write(dir, "kernel.yaml", IMAGE + KERNEL_HEAD + fields);
    List<SpecError> errors = errors(dir);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void aKernelFromAnImageHasNoFilesAndBootsFromTheImagesInitramfs() {
    write(dir, "kernel.yaml", IMAGE + KERNEL_HEAD + "  fromImage: bookworm\n");
    Kernel kernel = SpecLoader.load(dir).kernelsByName().get("kb");
    assertThat(kernel.fromImage()).isEqualTo("bookworm");
    assertThat(kernel.image()).isNull();
    assertThat(kernel.initrd()).isNull();
    assertThat(kernel.sha256()).isNull();
    assertThat(kernel.config()).isNull();
    assertThat(kernel.rootMethod()).isEqualTo(RootMethod.INITRAMFS_TOOLS);
    assertThat(kernel.origin().at("spec.fromImage")).isEqualTo(at(FIRST_FIELD, 14));
  }

  @Test
  void aKernelFromAnImageFilledByOtherMeansMayBootWithDracut() {
    write(
        dir,
        "kernel.yaml",
        KERNEL_HEAD.replace("kb", "kimg") + "  fromImage: img\n  rootMethod: dracut\n");
    assertThat(SpecLoader.load(dir).kernelsByName().get("kimg").rootMethod())
        .isEqualTo(RootMethod.DRACUT);
  }

  @Test
  void aKernelFromABuiltImageMayBootWithDracutAndTheImageIsThenMadeWithDracut() {
    write(
        dir, "kernel.yaml", IMAGE + KERNEL_HEAD + "  fromImage: bookworm\n  rootMethod: dracut\n");
    SpecSet specs = SpecLoader.load(dir);
    RootImage image = specs.rootImagesByName().get("bookworm");
    assertThat(specs.firstKernelFrom("bookworm").name()).isEqualTo("kb");
    assertThat(specs.initramfsOf(image)).isEqualTo(RootMethod.DRACUT);
    assertThat(image.build().packagesFor(specs.initramfsOf(image)))
        .containsExactly(
            "dracut", "dracut-network", "linux-image-amd64", "netbase", "nfs-common", "procps");
  }

  @Test
  void aBuiltImageNoKernelIsTakenFromIsMadeWithInitramfsTools() {
    write(dir, "kernel.yaml", IMAGE + KERNEL_HEAD + "  image: /boot/vmlinuz\n");
    SpecSet specs = SpecLoader.load(dir);
    RootImage image = specs.rootImagesByName().get("bookworm");
    assertThat(specs.firstKernelFrom("bookworm")).isNull();
    assertThat(specs.initramfsOf(image)).isEqualTo(RootMethod.INITRAMFS_TOOLS);
    assertThat(image.build().packagesFor(specs.initramfsOf(image)))
        .containsExactly("linux-image-amd64");
  }

  @Test
  void dracutInThePackagesOfAnImageBootedWithInitramfsToolsIsAnErrorNamingTheKernel() {
    write(
        dir,
        "kernel.yaml",
        IMAGE.replace("packages: [linux-image-amd64]", "packages: [linux-image-amd64, dracut]")
            + KERNEL_HEAD
            + "  fromImage: bookworm\n");
    List<SpecError> errors = errors(dir);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).position()).isEqualTo(at(6, 60));
    assertThat(errors.get(0).message())
        .isEqualTo(
            "RootImage \"bookworm\": dracut in spec.build.packages conflicts with initramfs-tools,"
                + " which makes this image's initramfs (Kernel \"kb\" (at "
                + at(FIRST_FIELD, 14)
                + ") boots it with rootMethod: initramfs-tools); to have dracut make it, say"
                + " rootMethod: dracut in the Kernel with fromImage: bookworm (netroot then adds"
                + " dracut itself), or remove dracut");
  }

  @Test
  void dracutInThePackagesOfAnImageBootedWithDracutIsInstalledOnce() {
    write(
        dir,
        "kernel.yaml",
        IMAGE.replace("packages: [linux-image-amd64]", "packages: [linux-image-amd64, dracut]")
            + KERNEL_HEAD
            + "  fromImage: bookworm\n  rootMethod: dracut\n");
    SpecSet specs = SpecLoader.load(dir);
    RootImage image = specs.rootImagesByName().get("bookworm");
    assertThat(image.build().packagesFor(specs.initramfsOf(image)))
        .containsExactly(
            "dracut", "dracut-network", "linux-image-amd64", "netbase", "nfs-common", "procps");
  }

  @Test
  void twoKernelsOfOneImageWithDifferentRootMethodsAreAnErrorAtTheSecond() {
    write(
        dir,
        "kernel.yaml",
        IMAGE
            + KERNEL_HEAD
            + "  fromImage: bookworm\n"
            + "---\n"
            + KERNEL_HEAD.replace("kb", "kb2")
            + "  fromImage: bookworm\n  rootMethod: dracut\n");
    List<SpecError> errors = errors(dir);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).position()).isEqualTo(at(FIRST_FIELD + 7, 15));
    assertThat(errors.get(0).message())
        .isEqualTo(
            "Kernel \"kb2\": rootMethod: dracut differs from rootMethod: initramfs-tools of"
                + " Kernel \"kb\" (at "
                + at(FIRST_FIELD, 14)
                + "), taken from the same RootImage \"bookworm\"; an image has one initramfs,"
                + " made by one of the two, so give both kernels the same rootMethod");
  }

  @Test
  void aKernelFileHasNoImageToComeFrom() {
    Kernel kernel = SpecLoader.load(dir).kernelsByName().get("k1");
    assertThat(kernel.fromImage()).isNull();
    assertThat(kernel.image()).isEqualTo(Path.of("/boot/vmlinuz"));
    assertThat(kernel.rootMethod()).isEqualTo(RootMethod.KERNEL);
  }

  @Test
  void theImageMayBeOneNetrootDoesNotBuild() {
    write(
        dir,
        "kernel.yaml",
        KERNEL_HEAD.replace("kb", "kimg") + "  fromImage: img\n  rootMethod: initramfs-tools\n");
    assertThat(SpecLoader.load(dir).kernelsByName().get("kimg").fromImage()).isEqualTo("img");
  }

  @Test
  void aHostBootingAKernelFromAnImagePassesTheNfsRootChecks() {
    write(
        dir,
        "kernel.yaml",
        IMAGE
            + KERNEL_HEAD
            + "  fromImage: bookworm\n"
            + """
            ---
            apiVersion: netroot/v1
            kind: Profile
            metadata: {name: pb}
            spec: {kernel: kb, rootImage: bookworm, nfsOptions: [tcp, vers=3]}
            ---
            apiVersion: netroot/v1
            kind: Host
            metadata: {name: nb}
            spec: {mac: "08:00:2b:00:00:01", ip: 10.0.0.50, profile: pb}
            """);
    SpecSet specs = SpecLoader.load(dir);
    assertThat(specs.profileOf(specs.hosts().get(0)).kernel()).isEqualTo("kb");
  }

  @Test
  void imageTogetherWithFromImageIsAnErrorAtFromImage() {
    SpecError error = onlyError("  image: /boot/vmlinuz\n  fromImage: bookworm\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD + 1, 14));
    assertThat(error.message())
        .isEqualTo(
            "Kernel \"kb\": spec.image and spec.fromImage both name the kernel; keep image (a"
                + " kernel file) or fromImage (a RootImage that netroot builds), not both");
  }

  @Test
  void neitherImageNorFromImageIsAnErrorAtSpec() {
    SpecError error = onlyError("  rootMethod: kernel\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD - 1, 1));
    assertThat(error.message())
        .isEqualTo(
            "Kernel \"kb\": needs spec.image (a kernel file) or spec.fromImage (a RootImage that"
                + " netroot builds)");
  }

  @ParameterizedTest
  @CsvSource({
    "initrd, /boot/initrd.img",
    "sha256, 9f2c000000000000000000000000000000000000000000000000000000000000",
    "config, /boot/config-6.1.0-18-amd64"
  })
  void whatComesFromTheImageIsAnErrorWhereItIsWritten(String field, String value) {
    SpecError error = onlyError("  fromImage: bookworm\n  " + field + ": " + value + "\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD + 1, field.length() + 5));
    assertThat(error.message())
        .isEqualTo(
            "Kernel \"kb\": spec."
                + field
                + " comes from the image with spec.fromImage (the image's own kernel, initramfs"
                + " and config, followed across rebuilds); remove spec."
                + field);
  }

  @Test
  void rootMethodKernelIsAnErrorForAKernelFromAnImage() {
    SpecError error = onlyError("  fromImage: bookworm\n  rootMethod: kernel\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD + 1, 15));
    assertThat(error.message())
        .isEqualTo(
            "Kernel \"kb\": spec.rootMethod kernel does not boot an image's kernel: a distribution"
                + " kernel mounts the NFS root from its initramfs; use rootMethod: initramfs-tools"
                + " (the default) or dracut");
  }

  @Test
  void aFromImageThatIsNotANameIsAnErrorAtFromImage() {
    SpecError error = onlyError("  fromImage: ../bookworm\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD, 14));
    assertThat(error.message()).contains("spec.fromImage \"../bookworm\" is not a valid name");
  }

  @Test
  void aFromImageNamingNoRootImageListsTheNamesWhenNoneIsNear() {
    SpecError error = onlyError("  fromImage: trixie\n");
    assertThat(error.position()).isEqualTo(at(FIRST_FIELD, 14));
    assertThat(error.message())
        .isEqualTo(
            "Kernel \"kb\": spec.fromImage \"trixie\" does not name any RootImage; the RootImage"
                + " names are: bookworm, img");
  }
}
