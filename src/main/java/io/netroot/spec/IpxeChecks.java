package io.netroot.spec;

/**
 * What {@code loader: ipxe} asks of the other documents: iPXE fetches its script, kernel and initrd
 * over HTTP, so the BootServer needs an {@code http} section naming the web server netroot
 * configures.
 */
final class IpxeChecks {

  private IpxeChecks() {}

  /**
   * @param specs the documents that bound well; nothing is checked when the BootServer did not
   */
  static void check(SpecSet specs, Findings findings) {
    BootServer server = specs.server();
    if (server == null || server.http() != null) {
      return;
    }
    for (Profile profile : specs.profiles()) {
      if (profile.loader() == Loader.IPXE) {
        findings.at(
            profile,
            "spec.loader",
            "spec.loader ipxe loads the kernel and initrd over HTTP, and BootServer \""
                + server.name()
                + "\" (at "
                + server.origin().document()
                + ") has no http section; add http: {port: 80, root: /srv/netroot-http} to its"
                + " spec, or use loader: syslinux");
      }
    }
  }
}
