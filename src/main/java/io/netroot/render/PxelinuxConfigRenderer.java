package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The pxelinux configuration files: the menu ({@code pxelinux.cfg/default}) offering every profile
 * and the local disk, and one file per host ({@code pxelinux.cfg/01-<mac>}) that boots the host's
 * profile straight away. Both write a profile's entry with the same code, so a host boots exactly
 * what the menu offers.
 */
public final class PxelinuxConfigRenderer {

  /** First line of every file netroot writes under {@code pxelinux.cfg/}. */
  static final String NOTICE = "# managed by netroot, edit the specs: changes here are reverted\n";

  /** The menu entry that boots the local disk; also a valid {@code pxe.default}. */
  static final String LOCAL = "local";

  private final BootServer server;
  private final String menu;
  private final Map<String, String> entryByProfile;

  /** Renders every profile's entry once, so each host file is a lookup and a concatenation. */
  public PxelinuxConfigRenderer(SpecSet specs) {
    this.server = specs.server();
    Map<String, Kernel> kernels = specs.kernelsByName();
    Map<String, RootImage> rootImages = specs.rootImagesByName();
    entryByProfile = new HashMap<>(specs.profiles().size() * 2);
    StringBuilder entries = new StringBuilder(512 * specs.profiles().size());
    for (Profile profile : specs.profiles()) {
      String entry =
          entry(
              server, profile, kernels.get(profile.kernel()), rootImages.get(profile.rootImage()));
      entryByProfile.put(profile.name(), entry);
      entries.append('\n').append(entry);
    }
    this.menu = renderMenu(server, entries);
  }

  /** {@code pxelinux.cfg/default}. */
  public String menu() {
    return menu;
  }

  /** {@code pxelinux.cfg/01-<mac>}: boots the host's profile at once, without prompt or menu. */
  public String host(Host host) {
    String entry = entryByProfile.get(host.profile());
    if (entry == null) {
      throw new IllegalArgumentException(
          "host "
              + host.name()
              + " boots profile "
              + host.profile()
              + ", which is not in the specs");
    }
    return NOTICE
        + "# host "
        + host.name()
        + ", profile "
        + host.profile()
        + "\n"
        + "DEFAULT "
        + host.profile()
        + "\n"
        + "PROMPT 0\n"
        + "\n"
        + entry;
  }

  private static String renderMenu(BootServer server, CharSequence profileEntries) {
    BootServer.Pxe pxe = server.pxe();
    StringBuilder out = new StringBuilder(256 + profileEntries.length());
    out.append(NOTICE)
        .append("UI menu.c32\n")
        // The boot: prompt stays on: on some old PXE ROMs menu.c32 fails to load, and the prompt
        // is then the only way left to pick an entry by its label.
        .append("PROMPT 1\n")
        .append("TIMEOUT ")
        .append(pxe.timeout())
        .append('\n')
        .append("MENU TITLE ")
        .append(pxe.title())
        .append('\n')
        .append("DEFAULT ")
        .append(pxe.defaultEntry())
        .append('\n')
        .append('\n')
        .append("LABEL ")
        .append(LOCAL)
        .append('\n')
        .append("  MENU LABEL Boot from local disk\n")
        .append("  LOCALBOOT 0\n")
        .append(profileEntries);
    return out.toString();
  }

  /**
   * One profile's {@code LABEL} block. Paths are absolute from the TFTP root so they resolve the
   * same from a configuration read under another directory (an {@code efi64/} tree later).
   */
  static String entry(BootServer server, Profile profile, Kernel kernel, RootImage image) {
    StringBuilder out = new StringBuilder(256);
    String menuLabel = profile.menuLabel() == null ? profile.name() : profile.menuLabel();
    out.append("LABEL ").append(profile.name()).append('\n');
    out.append("  MENU LABEL ").append(menuLabel).append('\n');
    out.append("  KERNEL /").append(TftpLayout.kernelImage(kernel)).append('\n');
    String initrd = TftpLayout.kernelInitrd(kernel);
    if (initrd != null) {
      out.append("  INITRD /").append(initrd).append('\n');
    }
    out.append("  APPEND ");
    KernelCommandLine.append(out, kernel.rootMethod(), server, profile, image);
    out.append('\n');
    // Appends BOOTIF=01-<mac>: tells the booted system which NIC it was booted from.
    out.append("  IPAPPEND 2\n");
    return out.toString();
  }
}
