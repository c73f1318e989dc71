package io.netroot.catalog;

import io.netroot.render.TftpLayout;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One bootloader tree in the TFTP root: BIOS at the top ({@code pxelinux.0}, {@code *.c32}, {@code
 * pxelinux.cfg/}), x86-64 UEFI under {@code efi64/} ({@code syslinux.efi}, {@code ldlinux.e64}, its
 * own modules and {@code pxelinux.cfg/}). The two syslinux builds cannot share modules, so each
 * tree has its own copies; kernels under {@code images/} are shared.
 */
enum BootTree {
  BIOS(""),
  UEFI(TftpLayout.EFI64 + "/");

  private final String prefix;

  BootTree(String prefix) {
    this.prefix = prefix;
  }

  /** A TFTP-relative path inside this tree. */
  String path(String relative) {
    return prefix + relative;
  }

  /** A description, marked for the UEFI tree. */
  String label(String description) {
    return this == UEFI ? description + " (UEFI)" : description;
  }

  /** Whether a host with this firmware boots through this tree. */
  boolean boots(Firmware firmware) {
    return firmware == Firmware.AUTO || firmware.name().equals(name());
  }

  /**
   * Whether a host with this firmware and profile boots through this tree: UEFI clients of a {@code
   * loader: grub} profile boot through GRUB instead ({@link GrubFiles}).
   */
  boolean boots(Firmware firmware, Profile profile) {
    if (this == UEFI && profile != null && profile.loader() == Loader.GRUB) {
      return false;
    }
    return boots(firmware);
  }

  /** The bootloader first, then its modules, copied from the distribution's files. */
  List<CopiedFile> bootloaderFiles(ServerLayout layout) {
    List<CopiedFile> files = new ArrayList<>();
    Path loaderDir = this == BIOS ? layout.pxelinuxDir() : layout.efiDir();
    String loader = this == BIOS ? TftpLayout.BIOS_BOOT_FILE : TftpLayout.EFI_BOOT_FILE;
    files.add(copy(layout, loader, label("PXE bootloader"), loaderDir));
    Path modulesDir = this == BIOS ? layout.modulesDir() : layout.efiModulesDir();
    for (String module : this == BIOS ? layout.modules() : layout.efiModules()) {
      files.add(copy(layout, path(module), label("bootloader module"), modulesDir));
    }
    return files;
  }

  private static CopiedFile copy(ServerLayout layout, String relative, String what, Path dir) {
    Path source = dir.resolve(Path.of(relative).getFileName());
    return new CopiedFile(layout.tftp(relative), what, source, null, null, List.of());
  }

  /** The trees some profile or host boots through: a menu needs both unless all agree. */
  static List<BootTree> needed(SpecSet specs) {
    Set<BootTree> trees = EnumSet.noneOf(BootTree.class);
    for (Profile profile : specs.profiles()) {
      add(trees, profile.firmware(), profile);
    }
    for (Host host : specs.hosts()) {
      Profile profile = specs.profileOf(host);
      add(trees, host.firmwareWith(profile), profile);
    }
    if (trees.isEmpty()) {
      trees.add(BIOS);
    }
    return List.copyOf(trees);
  }

  private static void add(Set<BootTree> trees, Firmware firmware, Profile profile) {
    for (BootTree tree : values()) {
      if (tree.boots(firmware, profile)) {
        trees.add(tree);
      }
    }
  }
}
