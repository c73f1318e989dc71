package io.netroot.catalog;

import io.netroot.adopt.ExportsAdoption;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.render.ExportsRenderer;
import io.netroot.render.GaneshaExportsRenderer;
import io.netroot.render.ManagedBlock;
import io.netroot.render.PxelinuxConfigRenderer;
import io.netroot.render.TftpLayout;
import io.netroot.spec.BootServer;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Origin;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns checked specs into a catalog, ordered so that clients are only pointed at files that exist:
 * root images first (filled, with their fstab, /dev and services), then NFS exports, then the TFTP
 * tree (bootloader, kernels, PXE configs), DHCP last (what the chosen DHCP server's backend gives,
 * {@link DhcpServerResources}).
 *
 * <p>Rendering is deferred to the engine (each resource renders when its turn comes, once per
 * pass); what is shared between resources, such as the indexes of the PXE renderer, is built here
 * once.
 */
public final class CatalogCompiler {

  private final Function<DhcpBackend, ConfigChecker> dhcpCheckers;
  private final ServiceBackend services;
  private final FillProgress fillProgress;

  /**
   * @param dhcpChecker checks a candidate DHCP configuration before it is installed, whichever the
   *     DHCP server (tests pass one that accepts all)
   * @param services when they are really touched, the daemons become resources too
   */
  public CatalogCompiler(ConfigChecker dhcpChecker, ServiceBackend services) {
    this(backend -> dhcpChecker, services, FillProgress.NONE);
  }

  /**
   * A compiler whose DHCP configuration is checked by the chosen server's own program ({@code dhcpd
   * -t}, {@code kea-dhcp4 -t}, {@code dnsmasq --test}).
   *
   * @param services when they are really touched, the daemons become resources too
   * @param fillProgress told how far the filling of a root image has got
   */
  public CatalogCompiler(ServiceBackend services, FillProgress fillProgress) {
    this(DhcpBackend::checker, services, fillProgress);
  }

  /**
   * @param dhcpChecker checks a candidate DHCP configuration before it is installed
   * @param services when they are really touched, the daemons become resources too
   * @param fillProgress told how far the filling of a root image has got
   */
  public CatalogCompiler(
      ConfigChecker dhcpChecker, ServiceBackend services, FillProgress fillProgress) {
    this(backend -> dhcpChecker, services, fillProgress);
  }

  private CatalogCompiler(
      Function<DhcpBackend, ConfigChecker> dhcpCheckers,
      ServiceBackend services,
      FillProgress fillProgress) {
    this.dhcpCheckers = dhcpCheckers;
    this.services = services;
    this.fillProgress = fillProgress;
  }

  /**
   * @param root the root being managed: its {@code /etc/os-release} chooses the platform defaults
   */
  public Catalog compile(SpecSet specs, RootFs root) {
    ServerLayout layout = ServerLayout.resolve(specs.server(), root);
    List<Resource> resources = new ArrayList<>();

    Origin server = specs.server().origin();
    BootServer.Nfs nfs = specs.server().nfs();
    boolean ganesha = nfs != null && nfs.ganesha();
    RootImageResources.emit(
        specs,
        fillProgress,
        List.of(
            ganesha
                ? ServiceAction.restart(layout.nfsService())
                : ServiceAction.reexport(layout.nfsService())),
        resources);
    BlockInFile exports;
    if (ganesha) {
      // NFS-Ganesha reads its exports from EXPORT blocks in ganesha.conf ('#' starts a comment
      // there too) and only at start. It has no nfs.conf keys nor /proc/fs/nfsd/versions, so
      // NfsServerResources, which manage the kernel server's, are not emitted.
      exports =
          new BlockInFile(
              nfs.ganeshaConfig() != null
                  ? nfs.ganeshaConfig()
                  : BootServer.Nfs.DEFAULT_GANESHA_CONFIG,
              "NFS-Ganesha exports",
              ManagedBlock.HASH_COMMENTS,
              List.of(),
              List.of(ServiceAction.restart(layout.nfsService())),
              null,
              () -> new GaneshaExportsRenderer(specs).blockBody(),
              null);
      exports.producedBy(Provenance.at(server.at("spec.nfs")));
      resources.add(exports);
    } else {
      exports =
          new BlockInFile(
              layout.exportsFile(),
              "NFS exports",
              ManagedBlock.HASH_COMMENTS,
              List.of(),
              List.of(ServiceAction.reexport(layout.nfsService())),
              null,
              () -> new ExportsRenderer(specs).blockBody(),
              new ExportsAdoption(specs.exports()));
      exports.producedBy(Provenance.at(server.at("spec.nfs")));
      resources.add(exports);
      List<Resource> settings = NfsServerResources.of(specs.server(), layout);
      BaseResource.producedBy(settings, Provenance.at(server.at("spec.nfs")));
      resources.addAll(settings);
    }

    List<ResourceId> tftp = new ArrayList<>();
    List<Resource> tftpConfig = TftpServerConfig.resources(layout, specs.server());
    BaseResource.producedBy(tftpConfig, Provenance.at(server.at("spec.tftp")));
    for (Resource config : tftpConfig) {
      resources.add(config);
      tftp.add(config.id());
    }
    List<BootTree> trees = BootTree.needed(specs);
    Map<BootTree, ResourceId> loaders = new HashMap<>();
    for (BootTree tree : trees) {
      List<CopiedFile> files = tree.bootloaderFiles(layout);
      BaseResource.producedBy(files, Provenance.at(server.at("spec.bootloader")));
      resources.addAll(files);
      files.forEach(f -> tftp.add(f.id()));
      loaders.put(tree, files.get(0).id());
    }

    Map<String, List<ResourceId>> kernelFiles = new HashMap<>();
    for (Kernel kernel : specs.kernels()) {
      if (kernel.fromImage() != null) {
        List<ResourceId> files = imageKernel(specs, kernel, layout, root, resources);
        kernelFiles.put(kernel.name(), files);
        tftp.addAll(files);
        continue;
      }
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
      image.producedBy(Provenance.at(kernel.origin().at("spec.image")));
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
        initrd.producedBy(Provenance.at(kernel.origin().at("spec.initrd")));
        resources.add(initrd);
        files.add(initrd.id());
      }
      kernelFiles.put(kernel.name(), files);
      tftp.addAll(files);
    }

    PxelinuxConfigRenderer pxe = new PxelinuxConfigRenderer(specs);
    List<ResourceId> bootFiles = List.copyOf(tftp);
    for (BootTree tree : trees) {
      ManagedFile menu =
          new ManagedFile(
              layout.tftp(tree.path(TftpLayout.menuConfig())),
              tree.label("PXE menu"),
              bootFiles,
              pxe::menu);
      menu.producedBy(Provenance.at(server.at("spec.pxe")));
      resources.add(menu);
      tftp.add(menu.id());
    }
    for (Host host : specs.hosts()) {
      Profile profile = specs.profileOf(host);
      Firmware firmware = host.firmwareWith(profile);
      // the BIOS and UEFI files of a host are the same text: rendered and hashed once
      Supplier<Content> text = Content.sharedText(() -> pxe.host(host));
      for (BootTree tree : trees) {
        if (!tree.boots(firmware)) {
          continue;
        }
        List<ResourceId> needs = new ArrayList<>();
        needs.add(loaders.get(tree));
        needs.addAll(kernelFiles.getOrDefault(profile.kernel(), List.of()));
        ManagedFile config =
            ManagedFile.sharing(
                layout.tftp(tree.path(TftpLayout.hostConfig(host))),
                tree.label("PXE config of host " + host.name()),
                needs,
                text);
        config.producedBy(Provenance.of(host));
        resources.add(config);
        tftp.add(config.id());
      }
    }

    DhcpServerResources dhcp = new DhcpServerResources(specs, layout, root, services);
    List<Resource> dhcpConfig = dhcp.configuration(tftp, dhcpCheckers);
    BaseResource.producedBy(dhcpConfig, Provenance.at(server.at("spec.dhcp")));
    resources.addAll(dhcpConfig);

    if (services.touchesServices()) {
      // Last, and each after its configuration: a daemon is never started onto a config that
      // failed to install.
      ServiceState nfsService =
          new ServiceState(layout.nfsService(), "NFS", services, List.of(exports.id()));
      nfsService.producedBy(Provenance.at(server.at("spec.nfs")));
      resources.add(nfsService);
      ServiceState tftpService =
          new ServiceState(layout.tftpService(), "TFTP", services, List.copyOf(loaders.values()));
      tftpService.producedBy(Provenance.at(server.at("spec.tftp")));
      resources.add(tftpService);
      List<Resource> dhcpServices = dhcp.services();
      BaseResource.producedBy(dhcpServices, Provenance.at(server.at("spec.dhcp")));
      resources.addAll(dhcpServices);
    }

    List<OwnedDirectory> owned = new ArrayList<>();
    owned.add(new OwnedDirectory(layout.tftp(TftpLayout.IMAGES)));
    for (BootTree tree : BootTree.values()) {
      // Both trees are swept, so a tree no profile needs any more is reported as unexpected.
      owned.add(new OwnedDirectory(layout.tftp(tree.path(TftpLayout.PXELINUX_CFG))));
    }
    return new Catalog(resources, owned, layout, dhcp.retiredConfigs());
  }

  /** The kernel and initramfs of a root image, published as the files of a Kernel fromImage. */
  private static List<ResourceId> imageKernel(
      SpecSet specs, Kernel kernel, ServerLayout layout, RootFs root, List<Resource> resources) {
    RootImage image =
        specs.rootImages().stream()
            .filter(i -> i.name().equals(kernel.fromImage()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("validation lets no missing image through"));
    List<ResourceId> made =
        image.build() != null || image.source() != null
            ? List.of(ImageFill.idFor(image.path()))
            : List.of();
    List<ResourceId> files = new ArrayList<>();
    for (ImageKernelFile.Part part : ImageKernelFile.Part.values()) {
      boolean isKernel = part == ImageKernelFile.Part.KERNEL;
      ImageKernelFile file =
          new ImageKernelFile(
              layout.tftp(
                  isKernel ? TftpLayout.kernelImage(kernel) : TftpLayout.kernelInitrd(kernel)),
              (isKernel ? "kernel " : "initramfs of kernel ")
                  + kernel.name()
                  + " from root image "
                  + image.name(),
              root,
              image.path(),
              image.name(),
              part,
              made);
      file.producedBy(Provenance.at(kernel.origin().at("spec.fromImage")));
      resources.add(file);
      files.add(file.id());
    }
    return files;
  }
}
