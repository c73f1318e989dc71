package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.render.DhcpdConfRenderer;
import io.netroot.render.ExportsRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.render.PxelinuxConfigRenderer;
import io.netroot.render.TftpLayout;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns checked specs into a catalog, ordered so that clients are only pointed at files that exist:
 * NFS exports first, then the TFTP tree (bootloader, kernels, PXE configs), DHCP last.
 *
 * <p>Rendering is deferred to the engine (each resource renders when its turn comes, once per
 * pass); what is shared between resources, such as the indexes of the PXE renderer, is built here
 * once.
 */
public final class CatalogCompiler {

  private final ConfigChecker dhcpChecker;

  /**
   * @param dhcpChecker checks a candidate dhcpd.conf before it is installed
   */
  public CatalogCompiler(ConfigChecker dhcpChecker) {
    this.dhcpChecker = dhcpChecker;
  }

  public Catalog compile(SpecSet specs) {
    ServerLayout layout = ServerLayout.resolve(specs.server());
    List<Resource> resources = new ArrayList<>();

    resources.add(
        new BlockInFile(
            layout.exportsFile(),
            "NFS exports",
            ManagedBlock.HASH_COMMENTS,
            List.of(),
            List.of(ServiceAction.reexport(layout.nfsService())),
            null,
            () -> new ExportsRenderer(specs).blockBody()));
    resources.addAll(NfsServerResources.of(specs.server(), layout));

    List<ResourceId> tftp = new ArrayList<>();
    CopiedFile pxelinux =
        new CopiedFile(
            layout.tftp("pxelinux.0"),
            "PXE bootloader",
            layout.pxelinuxDir().resolve("pxelinux.0"),
            null,
            null,
            List.of());
    resources.add(pxelinux);
    tftp.add(pxelinux.id());
    for (String module : layout.modules()) {
      CopiedFile copy =
          new CopiedFile(
              layout.tftp(module),
              "bootloader module",
              layout.modulesDir().resolve(module),
              null,
              null,
              List.of());
      resources.add(copy);
      tftp.add(copy.id());
    }

    Map<String, List<ResourceId>> kernelFiles = new HashMap<>();
    for (Kernel kernel : specs.kernels()) {
      List<ResourceId> files = new ArrayList<>();
      String origin = kernel.origin().at("spec.image").toString();
      CopiedFile image =
          new CopiedFile(
              layout.tftp(TftpLayout.kernelImage(kernel)),
              "kernel " + kernel.name() + KernelRelease.of(kernel.image()),
              kernel.image(),
              kernel.sha256(),
              origin,
              List.of());
      resources.add(image);
      files.add(image.id());
      if (kernel.initrd() != null) {
        CopiedFile initrd =
            new CopiedFile(
                layout.tftp(TftpLayout.kernelInitrd(kernel)),
                "initrd of kernel " + kernel.name(),
                kernel.initrd(),
                null,
                kernel.origin().at("spec.initrd").toString(),
                List.of());
        resources.add(initrd);
        files.add(initrd.id());
      }
      kernelFiles.put(kernel.name(), files);
      tftp.addAll(files);
    }

    PxelinuxConfigRenderer pxe = new PxelinuxConfigRenderer(specs);
    List<ResourceId> bootFiles = new ArrayList<>(tftp);
    ManagedFile menu =
        new ManagedFile(
            layout.tftp(TftpLayout.menuConfig()), "PXE menu", List.copyOf(bootFiles), pxe::menu);
    resources.add(menu);
    tftp.add(menu.id());

    Map<String, Profile> profiles = specs.profilesByName();
    for (Host host : specs.hosts()) {
      Profile profile = profiles.get(host.profile());
      List<ResourceId> needs = new ArrayList<>();
      needs.add(pxelinux.id());
      needs.addAll(kernelFiles.getOrDefault(profile.kernel(), List.of()));
      ManagedFile config =
          new ManagedFile(
              layout.tftp(TftpLayout.hostConfig(host)),
              "PXE config of host " + host.name(),
              needs,
              () -> pxe.host(host));
      resources.add(config);
      tftp.add(config.id());
    }

    resources.add(
        new BlockInFile(
            layout.dhcpConfig(),
            "DHCP subnets and hosts",
            ManagedBlock.HASH_COMMENTS,
            tftp,
            List.of(ServiceAction.restart(layout.dhcpService())),
            dhcpChecker,
            () -> new DhcpdConfRenderer(specs).blockBody()));

    List<OwnedDirectory> owned =
        List.of(
            new OwnedDirectory(layout.tftp(TftpLayout.PXELINUX_CFG)),
            new OwnedDirectory(layout.tftp(TftpLayout.IMAGES)));
    return new Catalog(resources, owned, layout);
  }
}
