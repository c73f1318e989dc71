package io.netroot.spec;

import java.util.List;
import java.util.Map;

/**
 * The checks that a client can actually mount its root: the kernel's build configuration has the
 * NFS root code built in when the kernel mounts the root itself ({@link KernelConfigChecks}), and
 * each profile's NFS options ask for a version and transport the boot server offers ({@link
 * ServerOfferChecks}).
 *
 * <p>Each kernel config is parsed once; hosts are grouped by profile once, and the version checks
 * run once per profile, naming its hosts, so the pass stays linear in the number of documents.
 */
final class NfsRootChecks {

  private NfsRootChecks() {}

  static void check(
      BootServer server,
      Map<String, Kernel> kernels,
      Map<String, RootImage> rootImages,
      Map<String, Profile> profiles,
      List<Host> hosts,
      Findings findings) {
    KernelConfigChecks.check(kernels, rootImages, profiles, findings);
    if (server != null) {
      ServerOfferChecks.check(server, kernels, profiles, hosts, findings);
    }
  }
}
