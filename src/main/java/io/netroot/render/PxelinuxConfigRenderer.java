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
 *
 * <p>Every spec value goes through {@link PxelinuxValues}: pxelinux has no escaping, so a value
 * that would end its line or split its word is refused with an {@link UnsafeValueException}. The
 * refusal of one profile fails the menu and that profile's hosts, not the other hosts.
 */
public final class PxelinuxConfigRenderer {

  /** First line of every file netroot writes under {@code pxelinux.cfg/}. */
  static final String NOTICE = "# managed by netroot, edit the specs: changes here are reverted\n";

  /** The menu entry that boots the local disk; also a valid {@code pxe.default}. */
  static final String LOCAL = "local";

  private final String menu;
  private final UnsafeValueException menuRefused;
  private final Map<String, String> entryByProfile;
  private final Map<String, UnsafeValueException> refusedByProfile = new HashMap<>();

  /** Renders every profile's entry once, so each host file is a lookup and a concatenation. */
  public PxelinuxConfigRenderer(SpecSet specs) {
    BootServer server = specs.server();
    Map<String, Kernel> kernels = specs.kernelsByName();
    Map<String, RootImage> rootImages = specs.rootImagesByName();
    entryByProfile = new HashMap<>(specs.profiles().size() * 2);
    StringBuilder entries = new StringBuilder(512 * specs.profiles().size());
    UnsafeValueException refused = null;
    for (Profile profile : specs.profiles()) {
      try {
        String entry =
            entry(
                server,
                profile,
                kernels.get(profile.kernel()),
                rootImages.get(profile.rootImage()));
        entryByProfile.put(profile.name(), entry);
        entries.append('\n').append(entry);
      } catch (UnsafeValueException e) {
        refusedByProfile.put(profile.name(), e);
        refused = refused == null ? e : refused;
      }
    }
    String text = null;
    if (refused == null) {
      try {
        text = renderMenu(server, entries);
      } catch (UnsafeValueException e) {
        refused = e;
      }
    }
    this.menu = text;
    this.menuRefused = refused;
  }

  /**
   * {@code pxelinux.cfg/default}.
   *
   * @throws UnsafeValueException when a value of the boot server or of any profile cannot be
   *     written
   */
  public String menu() {
    if (menuRefused != null) {
      throw menuRefused;
    }
    return menu;
  }

  /**
   * {@code pxelinux.cfg/01-<mac>}: boots the host's profile at once, without prompt or menu.
   *
   * @throws UnsafeValueException when a value of the host or of its profile cannot be written
   */
  public String host(Host host) {
    UnsafeValueException refused = refusedByProfile.get(host.profile());
    if (refused != null) {
      throw refused;
    }
    String entry = entryByProfile.get(host.profile());
    if (entry == null) {
      throw new IllegalArgumentException(
          "host "
              + host.name()
              + " boots profile "
              + host.profile()
              + ", which is not in the specs");
    }
    StringBuilder out = new StringBuilder(NOTICE.length() + 64 + entry.length());
    out.append(NOTICE);
    int line = out.length();
    out.append("# host ")
        .append(PxelinuxValues.text(host, "metadata.name", host.name()))
        .append(", profile ")
        .append(host.profile());
    PxelinuxValues.endLine(out, line, host, "metadata.name", host.name());
    line = out.length();
    out.append("DEFAULT ").append(PxelinuxValues.word(host, "spec.profile", host.profile()));
    PxelinuxValues.endLine(out, line, host, "spec.profile", host.profile());
    return out.append("PROMPT 0\n").append('\n').append(entry).toString();
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
        .append('\n');
    int line = out.length();
    out.append("MENU TITLE ").append(PxelinuxValues.text(server, "spec.pxe.title", pxe.title()));
    PxelinuxValues.endLine(out, line, server, "spec.pxe.title", pxe.title());
    line = out.length();
    out.append("DEFAULT ")
        .append(PxelinuxValues.word(server, "spec.pxe.default", pxe.defaultEntry()));
    PxelinuxValues.endLine(out, line, server, "spec.pxe.default", pxe.defaultEntry());
    out.append('\n')
        .append("LABEL ")
        .append(LOCAL)
        .append('\n')
        .append("  MENU LABEL Boot from local disk\n")
        .append("  LOCALBOOT 0\n")
        .append(profileEntries);
    return out.toString();
  }

  /** How a name from the TFTP root starts, whatever the path prefix of syslinux. */
  static final String ABSOLUTE = "::/";

  /**
   * One profile's {@code LABEL} block. Paths are absolute from the TFTP root, written {@code
   * ::/images/…}: syslinux puts the directory its boot file came from (the path prefix, {@code
   * efi64/} for UEFI clients) before every other name, even one starting with {@code /}, and the
   * {@code ::} (the boot server, with no prefix) keeps the same file for BIOS and UEFI clients.
   */
  static String entry(BootServer server, Profile profile, Kernel kernel, RootImage image) {
    StringBuilder out = new StringBuilder(256);
    String name = PxelinuxValues.word(profile, "metadata.name", profile.name());
    int line = out.length();
    out.append("LABEL ").append(name);
    PxelinuxValues.endLine(out, line, profile, "metadata.name", name);
    String menuLabelField = profile.menuLabel() == null ? "metadata.name" : "spec.menuLabel";
    String menuLabel = profile.menuLabel() == null ? profile.name() : profile.menuLabel();
    line = out.length();
    out.append("  MENU LABEL ").append(PxelinuxValues.text(profile, menuLabelField, menuLabel));
    PxelinuxValues.endLine(out, line, profile, menuLabelField, menuLabel);
    line = out.length();
    String kernelField = kernel.fromImage() != null ? "spec.fromImage" : "spec.image";
    out.append("  KERNEL ")
        .append(ABSOLUTE)
        .append(bootFile(kernel, kernelField, TftpLayout.kernelImage(kernel)));
    PxelinuxValues.endLine(
        out,
        line,
        kernel,
        kernelField,
        kernel.fromImage() != null ? kernel.fromImage() : kernel.image().toString());
    String initrd = TftpLayout.kernelInitrd(kernel);
    if (initrd != null) {
      line = out.length();
      String initrdField = kernel.fromImage() != null ? "spec.fromImage" : "spec.initrd";
      out.append("  INITRD ").append(ABSOLUTE).append(bootFile(kernel, initrdField, initrd));
      PxelinuxValues.endLine(
          out,
          line,
          kernel,
          initrdField,
          kernel.fromImage() != null ? kernel.fromImage() : kernel.initrd().toString());
    }
    line = out.length();
    out.append("  APPEND ");
    KernelCommandLine.append(out, kernel.rootMethod(), server, profile, image);
    PxelinuxValues.endLine(
        out, line, profile, "spec.kernelArgs", out.substring(line + "  APPEND ".length()));
    // Appends BOOTIF=01-<mac>: tells the booted system which NIC it was booted from.
    out.append("  IPAPPEND 2\n");
    return out.toString();
  }

  /**
   * A kernel or initrd path below the TFTP root, {@code images/<kernel name>/<file name>}: one word
   * of the boot command line. pxelinux passes {@code INITRD} on as {@code initrd=}, whose commas
   * separate several files, so an initrd's path holds no comma either.
   */
  private static String bootFile(Kernel kernel, String field, String path) {
    PxelinuxValues.word(kernel, "metadata.name", kernel.name());
    if (field.equals("spec.initrd")) {
      return PxelinuxValues.item(
          kernel, field, path, ",", "would end the file name in initrd= and start another one");
    }
    return PxelinuxValues.argument(kernel, field, path);
  }
}
