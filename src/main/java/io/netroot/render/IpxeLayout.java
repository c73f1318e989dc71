package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;

/**
 * Where the files of {@code loader: ipxe} live and how iPXE is told about them. The PXE ROM of a
 * host fetches iPXE itself from the TFTP root ({@value #BIOS_LOADER}, {@value #EFI_LOADER}, copied
 * from Debian's {@code ipxe} package); iPXE asks DHCP again, saying so in its user class (option
 * 77, {@value #USER_CLASS}), and is then given the URL of an iPXE script on the HTTP server, never
 * iPXE again: that is what keeps it from chain-loading itself for ever. The script loads the kernel
 * and initrd over HTTP from the same {@code images/<kernel>/<file>} paths as the TFTP root.
 *
 * <p>Paths here are relative to the HTTP root (or, for the loaders, to the TFTP root), with {@code
 * /}.
 */
public final class IpxeLayout {

  /** The directory of the loaders in the TFTP root and of the scripts in the HTTP root. */
  public static final String DIR = "ipxe";

  /** iPXE for BIOS PXE ROMs, using the ROM's own network driver (UNDI), in the TFTP root. */
  public static final String BIOS_LOADER = DIR + "/undionly.kpxe";

  /** iPXE for x86-64 UEFI, in the TFTP root. */
  public static final String EFI_LOADER = DIR + "/ipxe.efi";

  /** What iPXE sends as its user class (DHCP option 77). */
  public static final String USER_CLASS = "iPXE";

  /**
   * The script iPXE is given where DHCP cannot name a host's own (Kea's classes, dnsmasq's proxy
   * mode): it chains the host's script, found by the MAC iPXE booted from.
   */
  public static final String BOOT_SCRIPT = DIR + "/boot.ipxe";

  private IpxeLayout() {}

  /** A host's own script: {@code ipxe/01-52-54-00-20-00-12.ipxe}, named as pxelinux's files. */
  public static String hostScript(Host host) {
    return DIR + "/" + host.mac().pxelinuxConfigName() + ".ipxe";
  }

  /** Whether {@code host} boots through iPXE: its profile says {@code loader: ipxe}. */
  public static boolean boots(SpecSet specs, Host host) {
    Profile profile = specs.profileOf(host);
    return specs.server().http() != null && profile != null && profile.loader() == Loader.IPXE;
  }

  /** Whether any profile of the specs boots through iPXE. */
  public static boolean used(SpecSet specs) {
    return specs.server() != null
        && specs.server().http() != null
        && specs.profiles().stream().anyMatch(p -> p.loader() == Loader.IPXE);
  }

  /**
   * The URL of a file of the HTTP root: {@code http://10.20.0.1/ipxe/boot.ipxe}, with the port when
   * it is not 80. Only an address, a port and netroot's own path go into it.
   */
  public static String url(BootServer.Http http, String relative) {
    return "http://"
        + http.address()
        + (http.port() == BootServer.Http.DEFAULT_PORT ? "" : ":" + http.port())
        + "/"
        + relative;
  }
}
