package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.Mmdebstrap;
import io.netroot.os.RootFs;
import io.netroot.spec.Origin;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recipe of a built image as text and what mmdebstrap is told: initramfs-tools with netroot's
 * initramfs-tools files, or dracut with the packages and files netroot adds for it.
 */
class ImageRecipeTest {

  @TempDir Path dir;

  static RootImage image(List<String> packages, RootImage.Overlay overlay) {
    return new RootImage(
        "bookworm",
        "/srv/nfsroot/bookworm",
        null,
        new RootImage.Build(RootImage.Distribution.DEBIAN, "bookworm", packages, null, null),
        true,
        overlay,
        RootImage.Devices.DEVTMPFS,
        List.of(),
        List.of(),
        Origin.synthetic("images.yaml"));
  }

  static final List<String> PACKAGES = List.of("systemd-sysv", "linux-image-amd64");

  /** An exit command: a sourced dracut hook must not end the shell that sources it. */
  static final String EXIT = "(?m)(^|[;&|])\\s*exit\\b";

  @Test
  void anInitramfsToolsRecipeIsTheTextImagesWereBuiltWithBefore() {
    ImageRecipe recipe =
        new ImageRecipe(
            image(List.of("linux-image-amd64", "initramfs-tools"), RootImage.Overlay.TMPFS),
            RootMethod.INITRAMFS_TOOLS);

    assertThat(recipe.text())
        .isEqualTo(
            """
            distribution: debian
            suite: bookworm
            mirror: (this machine's apt sources)
            variant: apt
            packages:
              initramfs-tools
              linux-image-amd64
            initramfs: root over NFS (netroot files v1)
            overlay: tmpfs
            """);
  }

  @Test
  void aDracutRecipeSaysSoAndListsThePackagesNetrootAdds() {
    ImageRecipe recipe =
        new ImageRecipe(image(PACKAGES, RootImage.Overlay.TMPFS), RootMethod.DRACUT);

    assertThat(recipe.text())
        .isEqualTo(
            """
            distribution: debian
            suite: bookworm
            mirror: (this machine's apt sources)
            variant: apt
            packages:
              dracut
              dracut-network
              linux-image-amd64
              netbase
              nfs-common
              procps
              systemd-sysv
            initramfs: dracut, root over NFS (netroot files v1)
            overlay: tmpfs
            """);
  }

  @Test
  void aPackageNetrootAddsThatTheSpecAlsoListsIsInstalledOnce() {
    ImageRecipe recipe =
        new ImageRecipe(
            image(List.of("nfs-common", "dracut", "linux-image-amd64"), RootImage.Overlay.NONE),
            RootMethod.DRACUT);

    assertThat(recipe.build(new RootFs(dir), dir).packages())
        .containsExactly(
            "dracut", "dracut-network", "linux-image-amd64", "netbase", "nfs-common", "procps");
  }

  @Test
  void theRootMethodOfTheKernelIsPartOfTheRecipeSoAChangeIsARebuild() {
    RootImage image = image(PACKAGES, RootImage.Overlay.TMPFS);
    assertThat(new ImageRecipe(image, RootMethod.DRACUT).text())
        .isNotEqualTo(new ImageRecipe(image, RootMethod.INITRAMFS_TOOLS).text());
  }

  /** Where each of netroot's files goes in the image, with its mode. */
  private Map<String, Integer> filesIn(RootMethod method, RootImage.Overlay overlay) {
    Mmdebstrap.Build build =
        new ImageRecipe(image(PACKAGES, overlay), method).build(new RootFs(dir), dir);
    Map<String, Integer> files = new LinkedHashMap<>();
    for (Mmdebstrap.FileIn file : build.filesIn()) {
      assertThat(file.content()).as(file.imagePath()).exists().startsWith(dir);
      files.put(file.imagePath(), file.mode());
    }
    assertThat(build.customize()).containsExactly("rm -f \"$1/etc/hostname\"");
    return files;
  }

  @Test
  void initramfsToolsGetsNetrootsInitramfsToolsFiles() {
    assertThat(filesIn(RootMethod.INITRAMFS_TOOLS, RootImage.Overlay.TMPFS))
        .containsExactly(
            Map.entry("/etc/initramfs-tools/conf.d/netroot", 0644),
            Map.entry("/etc/initramfs-tools/hooks/netroot-overlay", 0755),
            Map.entry("/etc/initramfs-tools/scripts/init-bottom/netroot-overlay", 0755));
    assertThat(filesIn(RootMethod.INITRAMFS_TOOLS, RootImage.Overlay.NONE))
        .containsOnlyKeys("/etc/initramfs-tools/conf.d/netroot");
  }

  @Test
  void dracutGetsNetrootsConfigurationAndModulesAndTheOverlayModuleOnlyWithAnOverlay() {
    assertThat(filesIn(RootMethod.DRACUT, RootImage.Overlay.TMPFS))
        .containsExactly(
            Map.entry("/etc/dracut.conf.d/netroot.conf", 0644),
            Map.entry("/usr/lib/dracut/modules.d/90netroot/module-setup.sh", 0755),
            Map.entry("/usr/lib/dracut/modules.d/90netroot/netroot-address.sh", 0755),
            Map.entry("/etc/dracut.conf.d/netroot-overlay.conf", 0644),
            Map.entry("/usr/lib/dracut/modules.d/90netroot-overlay/module-setup.sh", 0755),
            Map.entry("/usr/lib/dracut/modules.d/90netroot-overlay/netroot-overlay.sh", 0755));
    assertThat(filesIn(RootMethod.DRACUT, RootImage.Overlay.NONE))
        .containsOnlyKeys(
            "/etc/dracut.conf.d/netroot.conf",
            "/usr/lib/dracut/modules.d/90netroot/module-setup.sh",
            "/usr/lib/dracut/modules.d/90netroot/netroot-address.sh");
  }

  @Test
  void theDracutConfigurationMakesAGenericInitramfsWithTheNfsNetworkAndNetrootModules()
      throws Exception {
    new ImageRecipe(image(PACKAGES, RootImage.Overlay.TMPFS), RootMethod.DRACUT)
        .build(new RootFs(dir), dir);

    assertThat(Files.readAllLines(dir.resolve("dracut.conf")))
        .contains("hostonly=\"no\"", "add_dracutmodules+=\" nfs network-legacy netroot \"");
    assertThat(Files.readAllLines(dir.resolve("dracut-overlay.conf")))
        .contains("add_dracutmodules+=\" netroot-overlay \"");
    assertThat(dir.resolve("dracut-overlay-module-setup.sh"))
        .content()
        .contains("instmods overlay")
        .contains("inst_hook pre-pivot 50 \"$moddir/netroot-overlay.sh\"");
    assertThat(dir.resolve("dracut-netroot-module-setup.sh"))
        .content()
        .contains("inst_hook cleanup 20 \"$moddir/netroot-address.sh\"");
  }

  @Test
  void theOverlayHookTakesTheKernelArgumentsOfTheInitramfsToolsScriptAndDiesLoudly()
      throws Exception {
    new ImageRecipe(image(PACKAGES, RootImage.Overlay.TMPFS), RootMethod.DRACUT)
        .build(new RootFs(dir), dir);
    String hook = Files.readString(dir.resolve("dracut-overlay-pre-pivot.sh"));
    String initramfsTools =
        new String(
            ImageRecipe.class
                .getResourceAsStream("/io/netroot/image/overlay-init-bottom")
                .readAllBytes());

    assertThat(initramfsTools).contains("netroot.overlay=no").contains("netroot.overlay.size=");
    assertThat(hook)
        .contains("getargbool 1 netroot.overlay")
        .contains("getarg netroot.overlay.size=")
        .contains("size=50%")
        .contains("lowerdir=$layers/shared,upperdir=$layers/node/upper,workdir=$layers/node/work")
        .contains("die \"netroot: cannot mount the overlay root\"")
        .doesNotContainPattern(EXIT);
    assertThat(Files.readString(dir.resolve("dracut-netroot-address.sh")))
        .contains("valid_lft forever preferred_lft forever")
        .doesNotContainPattern(EXIT);
  }

  @ParameterizedTest
  @CsvSource({
    "sh, dracut-overlay-pre-pivot.sh",
    "sh, dracut-netroot-address.sh",
    "bash, dracut-overlay-module-setup.sh",
    "bash, dracut-netroot-module-setup.sh",
    "sh, overlay-init-bottom",
    "sh, overlay-hook"
  })
  void eachScriptIsValidShellForTheShellThatRunsIt(String shell, String script) throws Exception {
    new ImageRecipe(image(PACKAGES, RootImage.Overlay.TMPFS), RootMethod.DRACUT)
        .build(new RootFs(dir), dir);
    new ImageRecipe(image(PACKAGES, RootImage.Overlay.TMPFS), RootMethod.INITRAMFS_TOOLS)
        .build(new RootFs(dir), dir);
    Path file = dir.resolve(script);
    assertThat(Files.readString(file)).startsWith("#!/bin/" + shell + "\n");
    Process check =
        new ProcessBuilder(shell, "-n", file.toString()).redirectErrorStream(true).start();
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
  }
}
