package io.netroot.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need several documents: one boot server, unique names, references that resolve
 * (profile to kernel and root image, host to profile, a kernel to the image it comes from), and the
 * address, export and NFS root checks of {@link HostChecks}, {@link ExportChecks} and {@link
 * NfsRootChecks}. Runs on the documents that bound well, gathered in a {@link SpecSet} whose
 * lookups (by name, a host's network and profile) are the ones the renderers use; they are hashed,
 * so the whole pass stays linear. The checks compare addresses, MACs and names through the load's
 * {@link Comparisons}, whose count shows it.
 */
final class SpecValidator {

  private SpecValidator() {}

  /**
   * @param specs the documents of {@code catalog} that bound well, whose lookups the checks use;
   *     its server is {@code null} when none bound
   * @param comparisons what the checks compare addresses, MACs and names through
   */
  static List<SpecError> validate(
      Catalog catalog, SpecSet specs, Position specsDir, Comparisons comparisons) {
    Findings findings = new Findings();
    bootServers(catalog, specsDir, findings);
    uniqueNames(catalog.documents(), findings, comparisons);

    Map<String, Kernel> kernels = specs.kernelsByName();
    Map<String, RootImage> rootImages = specs.rootImagesByName();
    Map<String, Profile> profiles = specs.profilesByName();
    List<Host> hosts = specs.hosts();
    BootServer server = specs.server();
    References refs = new References(catalog, findings, comparisons);
    for (Kernel kernel : specs.kernels()) {
      if (kernel.fromImage() != null) {
        refs.check(kernel, "spec.fromImage", kernel.fromImage(), "RootImage", rootImages.keySet());
        oneInitramfsPerImage(kernel, specs.firstKernelFrom(kernel.fromImage()), findings);
      }
    }
    for (RootImage image : rootImages.values()) {
      if (image.build() != null) {
        initramfsPackages(image, specs, findings);
      }
    }
    for (Profile profile : profiles.values()) {
      refs.check(profile, "spec.kernel", profile.kernel(), "Kernel", kernels.keySet());
      refs.check(profile, "spec.rootImage", profile.rootImage(), "RootImage", rootImages.keySet());
    }
    for (Host host : hosts) {
      refs.check(host, "spec.profile", host.profile(), "Profile", profiles.keySet());
    }
    for (BootServer each : catalog.all(BootServer.class)) {
      String entry = each.pxe().defaultEntry();
      if (!entry.equals(BootServerBinder.DEFAULT_ENTRY)) {
        refs.check(each, "spec.pxe.default", entry, "Profile", profiles.keySet());
      }
    }

    DhcpModeChecks.check(specs, findings);
    IpxeChecks.check(specs, findings);
    NetworkIndex.checkOverlaps(specs.networks(), findings, comparisons);
    boolean networksComplete = catalog.complete("Network");
    HostChecks.check(specs, networksComplete, findings, comparisons);
    ExportChecks.noRootSquash(specs, networksComplete, findings, comparisons);
    if (catalog.complete("Export")) {
      ExportChecks.rootImagesExported(specs, findings, comparisons);
    }
    NfsRootChecks.check(server, kernels, rootImages, profiles, hosts, findings);
    LoaderChecks.check(server, kernels, profiles, findings);
    return findings.errors();
  }

  /**
   * An image holds one initramfs, made by initramfs-tools or by dracut: every kernel taken from it
   * must say the same {@code rootMethod} as the first one (which, for an image netroot builds,
   * decides how its initramfs is made).
   */
  private static void oneInitramfsPerImage(Kernel kernel, Kernel first, Findings findings) {
    if (first == null || first == kernel || first.rootMethod() == kernel.rootMethod()) {
      return;
    }
    findings.at(
        kernel,
        rootMethodField(kernel),
        "rootMethod: "
            + kernel.rootMethod().yaml()
            + " differs from rootMethod: "
            + first.rootMethod().yaml()
            + " of "
            + Findings.where(first, rootMethodField(first))
            + ", taken from the same RootImage \""
            + kernel.fromImage()
            + "\"; an image has one initramfs, made by one of the two, so give both kernels the"
            + " same rootMethod");
  }

  /**
   * The packages of a built image must not bring the other initramfs generator than the one that
   * makes its initramfs ({@link SpecSet#initramfsOf}): Debian's {@code dracut} and {@code
   * initramfs-tools} conflict, and netroot's own files are for one of them.
   */
  private static void initramfsPackages(RootImage image, SpecSet specs, Findings findings) {
    Kernel kernel = specs.firstKernelFrom(image.name());
    List<String> packages = image.build().packages();
    if (specs.initramfsOf(image) == RootMethod.DRACUT) {
      if (packages.contains("initramfs-tools")) {
        findings.at(
            image,
            "spec.build.packages",
            "initramfs-tools in spec.build.packages conflicts with dracut, which makes this"
                + " image's initramfs ("
                + Findings.where(kernel, rootMethodField(kernel))
                + " boots it with rootMethod: dracut); remove initramfs-tools: netroot adds"
                + " what dracut needs itself ("
                + String.join(", ", RootImage.Build.DRACUT_PACKAGES)
                + ")");
      }
    } else if (packages.contains("dracut")) {
      findings.at(
          image,
          "spec.build.packages",
          "dracut in spec.build.packages conflicts with initramfs-tools, which makes this image's"
              + " initramfs ("
              + (kernel == null
                  ? "no Kernel boots it with spec.fromImage: " + image.name()
                  : Findings.where(kernel, rootMethodField(kernel))
                      + " boots it with rootMethod: initramfs-tools")
              + "); to have dracut make it, say rootMethod: dracut in the Kernel with fromImage: "
              + image.name()
              + " (netroot then adds dracut itself), or remove dracut");
    }
  }

  /** Where a kernel's root method is said: its rootMethod, or its fromImage when it is left out. */
  private static String rootMethodField(Kernel kernel) {
    return kernel.origin().fields().containsKey("spec.rootMethod")
        ? "spec.rootMethod"
        : "spec.fromImage";
  }

  private static void bootServers(Catalog catalog, Position specsDir, Findings findings) {
    List<Catalog.Declared> declared = catalog.declared("BootServer");
    if (declared.isEmpty() && catalog.complete("BootServer")) {
      findings.add(
          new SpecError(
              specsDir,
              "no BootServer document found; add one"
                  + " (kind: BootServer, with spec.address) describing this machine"));
    }
    for (int i = 1; i < declared.size(); i++) {
      Catalog.Declared extra = declared.get(i);
      Catalog.Declared first = declared.get(0);
      findings.add(
          new SpecError(
              extra.position(),
              Text.oneLine(
                  "BootServer"
                      + (extra.name() == null ? "" : " \"" + extra.name() + "\"")
                      + ": there must be exactly one BootServer, and one is already defined"
                      + (first.name() == null ? "" : " (\"" + first.name() + "\")")
                      + " at "
                      + first.position()
                      + "; merge them into one document")));
    }
  }

  /** A second document of the same kind and name is reported at its name, pointing at the first. */
  private static void uniqueNames(
      List<SpecDocument> documents, Findings findings, Comparisons comparisons) {
    Map<String, SpecDocument> seen = new HashMap<>();
    for (SpecDocument document : documents) {
      SpecDocument first =
          comparisons.firstWith(seen, document.kind() + "/" + document.name(), document);
      if (first != null) {
        findings.at(
            document,
            "metadata.name",
            "metadata.name: another "
                + document.kind()
                + " is already named \""
                + document.name()
                + "\" at "
                + first.origin().at("metadata.name")
                + "; names must be unique within a kind, so rename one");
      }
    }
  }

  /** Reports references to names that no document of the target kind has. */
  private record References(Catalog catalog, Findings findings, Comparisons comparisons) {
    void check(SpecDocument from, String field, String name, String kind, Set<String> names) {
      if (comparisons.contains(names, name) || catalog.mayExist(kind, name)) {
        return;
      }
      String near = comparisons.nearest(name, names);
      String hint =
          near != null
              ? "did you mean \"" + near + "\"?"
              : names.isEmpty()
                  ? "no " + kind + " is defined"
                  : "the "
                      + kind
                      + " names are: "
                      + Text.list(names.stream().sorted().toList(), 10);
      String local =
          kind.equals("Profile") && field.equals("spec.pxe.default")
              ? " (write local to boot the local disk)"
              : "";
      findings.at(
          from,
          field,
          field + " " + Text.quote(name) + " does not name any " + kind + "; " + hint + local);
    }
  }
}
