package io.netroot.catalog;

import io.netroot.render.GrubConfigRenderer;
import io.netroot.render.TftpLayout;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The UEFI Secure Boot chain of {@code loader: grub} profiles in the TFTP root, all under {@code
 * grub/} (GRUB's {@code $prefix}): the signed shim DHCP hands UEFI clients ({@code shimx64.efi}),
 * the signed network GRUB it loads from its own directory ({@code grubx64.efi}), GRUB's menu
 * ({@code grub.cfg}) and each UEFI host's own file ({@code grub.cfg-01-<mac>}). BIOS clients of the
 * same profiles keep pxelinux, whose files {@link BootTree} makes as for any profile.
 */
final class GrubFiles {

  private GrubFiles() {}

  /** Whether some profile boots through GRUB. */
  static boolean needed(SpecSet specs) {
    return specs.profiles().stream().anyMatch(p -> p.loader() == Loader.GRUB);
  }

  /** Whether DHCP hands {@code host} the shim when it boots over UEFI. */
  static boolean boots(Host host, Profile profile) {
    return profile != null
        && profile.loader() == Loader.GRUB
        && host.firmwareWith(profile) != Firmware.BIOS;
  }

  /**
   * Adds the chain's resources to {@code resources} and their ids to {@code tftp}; returns the ids
   * of the shim and GRUB images (none when no profile boots through GRUB).
   *
   * @param kernelFiles each kernel's published files, by kernel name
   * @param tftp the TFTP resources so far, which the menu waits for
   */
  static List<ResourceId> emit(
      SpecSet specs,
      ServerLayout layout,
      Map<String, List<ResourceId>> kernelFiles,
      List<ResourceId> tftp,
      List<Resource> resources) {
    if (!needed(specs)) {
      return List.of();
    }
    CopiedFile shim =
        new CopiedFile(
            layout.tftp(TftpLayout.SHIM_BOOT_FILE),
            "signed shim (UEFI Secure Boot)",
            layout.shimFile(),
            null,
            null,
            List.of());
    CopiedFile grub =
        new CopiedFile(
            layout.tftp(TftpLayout.GRUB_IMAGE),
            "signed network GRUB (UEFI Secure Boot)",
            layout.grubFile(),
            null,
            null,
            List.of());
    resources.add(shim);
    resources.add(grub);
    tftp.add(shim.id());
    tftp.add(grub.id());
    List<ResourceId> loaders = List.of(shim.id(), grub.id());

    GrubConfigRenderer renderer = new GrubConfigRenderer(specs);
    ManagedFile menu =
        new ManagedFile(
            layout.tftp(TftpLayout.grubMenu()), "GRUB menu", List.copyOf(tftp), renderer::menu);
    resources.add(menu);
    tftp.add(menu.id());
    for (Host host : specs.hosts()) {
      Profile profile = specs.profileOf(host);
      if (!boots(host, profile)) {
        continue;
      }
      List<ResourceId> needs = new ArrayList<>(loaders);
      needs.addAll(kernelFiles.getOrDefault(profile.kernel(), List.of()));
      Supplier<Content> text = Content.sharedText(() -> renderer.host(host));
      ManagedFile config =
          ManagedFile.sharing(
              layout.tftp(TftpLayout.grubHostConfig(host)),
              "GRUB config of host " + host.name(),
              needs,
              text);
      resources.add(config);
      tftp.add(config.id());
    }
    return loaders;
  }
}
