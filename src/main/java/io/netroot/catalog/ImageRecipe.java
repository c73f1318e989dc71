package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.Mmdebstrap;
import io.netroot.os.RootFs;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a built root image is made from, as one text: the spec's {@code build} and the parts of the
 * image netroot adds itself (the initramfs configuration that mounts the root over NFS, and the
 * per-node overlay). The text is the image's desired content: a change of any line is a rebuild,
 * and the plan shows it as a diff.
 *
 * <p>The initramfs is made by initramfs-tools, or by dracut when the kernels taken from the image
 * boot it with {@code rootMethod: dracut}; then dracut and what it needs for an NFS root are added
 * to the packages ({@link RootImage.Build#DRACUT_PACKAGES}) and netroot's dracut configuration and
 * modules go in instead of its initramfs-tools files.
 *
 * <p>netroot's own files go in before the packages are configured, so the kernel's initramfs is
 * generated with them by the distribution's own tools during the build. Nothing of the image runs
 * on the boot server after that: a built image is never entered again (its clients may have written
 * to it), and a change of the initramfs configuration is a new build.
 */
final class ImageRecipe {

  /** mmdebstrap's package set under the spec's packages: apt and the required packages. */
  static final String VARIANT = "apt";

  /**
   * The version of the files netroot puts into images; raised when they change, so images built
   * with older ones are rebuilt.
   */
  static final int NETROOT_FILES = 1;

  /**
   * Where dracut looks for modules; netroot's are {@code 90netroot} and {@code 90netroot-overlay}.
   */
  static final String DRACUT_MODULES = "/usr/lib/dracut/modules.d/";

  private final RootImage image;
  private final RootMethod initramfs;

  /**
   * @param initramfs who makes the image's initramfs: {@link RootMethod#DRACUT}, or otherwise
   *     initramfs-tools
   */
  ImageRecipe(RootImage image, RootMethod initramfs) {
    this.image = image;
    this.initramfs =
        initramfs == RootMethod.DRACUT ? RootMethod.DRACUT : RootMethod.INITRAMFS_TOOLS;
  }

  /** The recipe as text, one fact per line, the packages one per line. */
  String text() {
    RootImage.Build build = image.build();
    StringBuilder t = new StringBuilder();
    t.append("distribution: ").append(build.distribution().yaml()).append('\n');
    t.append("suite: ").append(build.suite()).append('\n');
    t.append("mirror: ")
        .append(build.mirror() != null ? build.mirror() : "(this machine's apt sources)")
        .append('\n');
    t.append("variant: ").append(VARIANT).append('\n');
    t.append("packages:\n");
    build.packagesFor(initramfs).forEach(p -> t.append("  ").append(p).append('\n'));
    t.append("initramfs: ");
    if (initramfs == RootMethod.DRACUT) {
      // initramfs-tools images keep the line they were built with, so they are not rebuilt
      t.append("dracut, ");
    }
    t.append("root over NFS (netroot files v").append(NETROOT_FILES).append(")\n");
    t.append("overlay: ").append(image.overlay() == RootImage.Overlay.TMPFS ? "tmpfs" : "none");
    t.append('\n');
    return t.toString();
  }

  /**
   * What mmdebstrap is told, with netroot's files written into {@code files} (a private directory
   * netroot made) to be copied into the image.
   */
  Mmdebstrap.Build build(RootFs root, Path files) {
    List<Mmdebstrap.FileIn> in =
        initramfs == RootMethod.DRACUT ? dracutFiles(files) : initramfsToolsFiles(files);
    List<String> customize = new ArrayList<>();
    // Nodes share the image: each takes its name from DHCP, not from a file in the image.
    customize.add("rm -f \"$1/etc/hostname\"");
    RootImage.Build build = image.build();
    return new Mmdebstrap.Build(
        build.suite(),
        build.packagesFor(initramfs),
        build.mirror(),
        VARIANT,
        in,
        customize,
        build.packageCache() == null ? null : root.resolve(build.packageCache()));
  }

  /**
   * initramfs-tools: {@code BOOT=nfs} with the network modules, and with an overlay a hook that
   * adds the overlay module and the {@code init-bottom} script that mounts it.
   */
  private List<Mmdebstrap.FileIn> initramfsToolsFiles(Path files) {
    List<Mmdebstrap.FileIn> in = new ArrayList<>();
    in.add(file(files, "initramfs.conf", "/etc/initramfs-tools/conf.d/netroot", 0644));
    if (image.overlay() == RootImage.Overlay.TMPFS) {
      in.add(file(files, "overlay-hook", "/etc/initramfs-tools/hooks/netroot-overlay", 0755));
      in.add(
          file(
              files,
              "overlay-init-bottom",
              "/etc/initramfs-tools/scripts/init-bottom/netroot-overlay",
              0755));
    }
    return in;
  }

  /**
   * dracut: a configuration that makes a generic initramfs (not one for the build machine) with the
   * NFS and network modules and netroot's module, which keeps the node's DHCP address past its
   * lease; with an overlay, a second configuration and module whose pre-pivot hook mounts it.
   */
  private List<Mmdebstrap.FileIn> dracutFiles(Path files) {
    List<Mmdebstrap.FileIn> in = new ArrayList<>();
    in.add(file(files, "dracut.conf", "/etc/dracut.conf.d/netroot.conf", 0644));
    in.add(
        file(
            files,
            "dracut-netroot-module-setup.sh",
            DRACUT_MODULES + "90netroot/module-setup.sh",
            0755));
    in.add(
        file(
            files,
            "dracut-netroot-address.sh",
            DRACUT_MODULES + "90netroot/netroot-address.sh",
            0755));
    if (image.overlay() == RootImage.Overlay.TMPFS) {
      in.add(file(files, "dracut-overlay.conf", "/etc/dracut.conf.d/netroot-overlay.conf", 0644));
      in.add(
          file(
              files,
              "dracut-overlay-module-setup.sh",
              DRACUT_MODULES + "90netroot-overlay/module-setup.sh",
              0755));
      in.add(
          file(
              files,
              "dracut-overlay-pre-pivot.sh",
              DRACUT_MODULES + "90netroot-overlay/netroot-overlay.sh",
              0755));
    }
    return in;
  }

  private static Mmdebstrap.FileIn file(Path dir, String resource, String imagePath, int mode) {
    Path file = dir.resolve(resource);
    try (InputStream text =
        ImageRecipe.class.getResourceAsStream("/io/netroot/image/" + resource)) {
      if (text == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Files.write(file, text.readAllBytes());
    } catch (IOException e) {
      throw new NetrootException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new Mmdebstrap.FileIn(imagePath, file, mode);
  }
}
