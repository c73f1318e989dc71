package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.ServiceBackend;
import io.netroot.render.IpxeLayout;
import io.netroot.render.IpxeScriptRenderer;
import io.netroot.render.NginxConfRenderer;
import io.netroot.render.TftpLayout;
import io.netroot.spec.BootServer;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The resources of {@code loader: ipxe} ({@link IpxeLayout}): iPXE itself in the TFTP root ({@code
 * undionly.kpxe} for BIOS, {@code ipxe.efi} for UEFI, copied from the distribution's {@code ipxe}
 * package, only those some iPXE host boots), and in the HTTP root the kernels and initrds of the
 * iPXE profiles, one script per iPXE host and {@code boot.ipxe}; then nginx's drop-in, checked with
 * {@code nginx -t} and followed by a reload of nginx. Nothing is emitted when no profile says
 * {@code loader: ipxe}.
 *
 * <p>The DHCP configuration depends on all of them ({@link #bootFiles}): a client is sent to iPXE
 * only once iPXE, its script and its files are in place.
 */
final class IpxeResources {

  private final List<ResourceId> bootFiles;
  private final List<ResourceId> dropIn;
  private final List<OwnedDirectory> owned;
  private final ServerLayout layout;

  private IpxeResources(
      List<ResourceId> bootFiles,
      List<ResourceId> dropIn,
      List<OwnedDirectory> owned,
      ServerLayout layout) {
    this.bootFiles = List.copyOf(bootFiles);
    this.dropIn = List.copyOf(dropIn);
    this.owned = List.copyOf(owned);
    this.layout = layout;
  }

  /**
   * Adds the resources to {@code resources}, in order.
   *
   * @param publishKernel publishes a kernel's files into the HTTP root and returns their ids
   * @param checker the check of nginx's drop-in ({@code nginx -t}, or a test's), made only when
   *     some profile boots through iPXE
   */
  static IpxeResources emit(
      SpecSet specs,
      ServerLayout layout,
      List<Resource> resources,
      Function<Kernel, List<ResourceId>> publishKernel,
      Supplier<ConfigChecker> checker) {
    if (!IpxeLayout.used(specs)) {
      return new IpxeResources(List.of(), List.of(), List.of(), layout);
    }
    BootServer server = specs.server();
    List<ResourceId> bootFiles = new ArrayList<>();

    Set<BootTree> trees = EnumSet.noneOf(BootTree.class);
    for (Profile profile : specs.profiles()) {
      if (profile.loader() == Loader.IPXE) {
        add(trees, profile.firmware());
      }
    }
    for (Host host : specs.hosts()) {
      if (IpxeLayout.boots(specs, host)) {
        add(trees, host.firmwareWith(specs.profileOf(host)));
      }
    }
    for (BootTree tree : trees) {
      boolean bios = tree == BootTree.BIOS;
      String file = bios ? IpxeLayout.BIOS_LOADER : IpxeLayout.EFI_LOADER;
      Path source = layout.ipxeDir().resolve(bios ? "undionly.kpxe" : layout.platform().ipxeEfi);
      CopiedFile loader =
          new CopiedFile(
              layout.tftp(file),
              bios ? "iPXE for BIOS PXE clients" : "iPXE for UEFI PXE clients",
              source,
              null,
              null,
              List.of());
      resources.add(loader);
      bootFiles.add(loader.id());
    }

    Map<String, List<ResourceId>> kernelFiles = new HashMap<>();
    for (Profile profile : specs.profiles()) {
      if (profile.loader() != Loader.IPXE || kernelFiles.containsKey(profile.kernel())) {
        continue;
      }
      Kernel kernel = specs.kernelsByName().get(profile.kernel());
      List<ResourceId> files = publishKernel.apply(kernel);
      kernelFiles.put(kernel.name(), files);
      bootFiles.addAll(files);
    }

    IpxeScriptRenderer scripts = new IpxeScriptRenderer(specs);
    for (Host host : specs.hosts()) {
      if (!IpxeLayout.boots(specs, host)) {
        continue;
      }
      ManagedFile script =
          new ManagedFile(
              layout.http(IpxeLayout.hostScript(host)),
              "iPXE script of host " + host.name(),
              kernelFiles.getOrDefault(specs.profileOf(host).kernel(), List.of()),
              () -> scripts.host(host));
      resources.add(script);
      bootFiles.add(script.id());
    }
    ManagedFile boot =
        new ManagedFile(
            layout.http(IpxeLayout.BOOT_SCRIPT),
            "iPXE script that chains each host's",
            List.of(),
            scripts::boot);
    resources.add(boot);
    bootFiles.add(boot.id());

    ManagedFile nginx =
        new ManagedFile(
            server.http().config(),
            "nginx drop-in serving the HTTP root",
            List.of(),
            List.of(ServiceAction.reload(server.http().service())),
            checker.get(),
            () -> new NginxConfRenderer(server).file());
    resources.add(nginx);
    bootFiles.add(nginx.id());

    List<OwnedDirectory> owned =
        List.of(
            new OwnedDirectory(layout.http(TftpLayout.IMAGES)),
            new OwnedDirectory(layout.http(IpxeLayout.DIR)),
            new OwnedDirectory(layout.tftp(IpxeLayout.DIR)));
    return new IpxeResources(bootFiles, List.of(nginx.id()), owned, layout);
  }

  private static void add(Set<BootTree> trees, Firmware firmware) {
    for (BootTree tree : BootTree.values()) {
      if (tree.boots(firmware)) {
        trees.add(tree);
      }
    }
  }

  /** Everything a client sent to iPXE fetches: DHCP depends on these. */
  List<ResourceId> bootFiles() {
    return bootFiles;
  }

  /** The directories whose every file netroot produces: its parts of both roots. */
  List<OwnedDirectory> ownedDirectories() {
    return owned;
  }

  /** nginx enabled and running, after its drop-in; none when iPXE is not used. */
  List<Resource> services(ServiceBackend services) {
    if (dropIn.isEmpty()) {
      return List.of();
    }
    return List.of(new ServiceState(layout.http().service(), "HTTP", services, dropIn));
  }
}
