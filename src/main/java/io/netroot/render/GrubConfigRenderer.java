package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecSet;
import java.util.HashMap;
import java.util.Map;

/**
 * GRUB's configuration files for {@code loader: grub} profiles, read by Debian's signed network
 * GRUB after the shim: the menu ({@code grub/grub.cfg}, one entry per grub profile and the local
 * disk) and one file per host ({@code grub/grub.cfg-01-<mac>}) that boots the host's profile at
 * once. Both write a profile's entry with the same code, and its kernel command line is the one
 * pxelinux gets ({@link KernelCommandLine}), with the {@code BOOTIF=01-<mac>} that pxelinux's
 * {@code IPAPPEND 2} adds.
 *
 * <p>Debian's image does not look for a per-host file itself (it runs {@code normal} on its own
 * embedded file, which sources {@code $prefix/grub.cfg}), so the menu does: it makes the MAC of the
 * interface GRUB booted from ({@code $net_default_mac}, {@code 52:54:00:12:34:56}) into the dashed
 * form with {@code regexp} and hands over to that host's file ({@code configfile}: GRUB 2.06 cannot
 * test whether a file exists over TFTP, so a client without a file of its own sees GRUB's "file not
 * found" before the menu). Upstream GRUB images that do search by MAC find the same name.
 *
 * <p>Every spec value is a single-quoted GRUB word ({@link GrubValues}): no {@code $} expansion, no
 * command separator, nothing but the value. What GRUB's {@code linux} command would change on its
 * way to the kernel (it writes a backslash before {@code \}, {@code '} and {@code "}) is refused.
 */
public final class GrubConfigRenderer {

  /** First line of every GRUB file netroot writes. */
  static final String NOTICE = "# managed by netroot, edit the specs: changes here are reverted\n";

  /** The menu entry that leaves GRUB, so the firmware boots its next boot option. */
  static final String LOCAL = "local";

  /**
   * Sets {@code netroot_mac} (dashed) and {@code netroot_bootif} from the booting interface, then
   * hands over to the host's own file when there is one.
   */
  static final String HOST_LOOKUP =
      """
      # The host's own file, by the MAC of the interface GRUB booted from (as pxelinux.cfg/01-...)
      if regexp --set=1:m1 --set=2:m2 --set=3:m3 --set=4:m4 --set=5:m5 --set=6:m6 \
      '^([0-9a-f][0-9a-f]):([0-9a-f][0-9a-f]):([0-9a-f][0-9a-f]):([0-9a-f][0-9a-f]):\
      ([0-9a-f][0-9a-f]):([0-9a-f][0-9a-f])$' "$net_default_mac"; then
        set netroot_mac="$m1-$m2-$m3-$m4-$m5-$m6"
        set netroot_bootif="BOOTIF=01-$netroot_mac"
        # GRUB 2.06 cannot test for a file over TFTP ([ -e ] is false): a host without a file of
        # its own gets "file not found" here, and the menu below
        configfile "$prefix/grub.cfg-01-$netroot_mac"
      fi
      """;

  private final String menu;
  private final UnsafeValueException menuRefused;
  private final Map<String, Profile> profiles;
  private final Map<String, Kernel> kernels;
  private final Map<String, RootImage> rootImages;
  private final BootServer server;
  private final Map<String, UnsafeValueException> refusedByProfile = new HashMap<>();

  /** Renders the menu once; each host file is rendered when asked for. */
  public GrubConfigRenderer(SpecSet specs) {
    server = specs.server();
    kernels = specs.kernelsByName();
    rootImages = specs.rootImagesByName();
    profiles = specs.profilesByName();
    StringBuilder entries = new StringBuilder();
    UnsafeValueException refused = null;
    boolean defaultInMenu = false;
    for (Profile profile : specs.profiles()) {
      if (profile.loader() != Loader.GRUB) {
        continue;
      }
      try {
        entries.append('\n').append(entry(profile, "$netroot_bootif"));
        defaultInMenu |= profile.name().equals(server.pxe().defaultEntry());
      } catch (UnsafeValueException e) {
        refusedByProfile.put(profile.name(), e);
        refused = refused == null ? e : refused;
      }
    }
    String text = null;
    if (refused == null) {
      text = renderMenu(entries, defaultInMenu ? server.pxe().defaultEntry() : LOCAL);
    }
    this.menu = text;
    this.menuRefused = refused;
  }

  /**
   * {@code grub/grub.cfg}.
   *
   * @throws UnsafeValueException when a value of a grub profile cannot be written
   */
  public String menu() {
    if (menuRefused != null) {
      throw menuRefused;
    }
    return menu;
  }

  /**
   * {@code grub/grub.cfg-01-<mac>}: boots the host's profile at once.
   *
   * @throws UnsafeValueException when a value of the host or of its profile cannot be written
   */
  public String host(Host host) {
    UnsafeValueException refused = refusedByProfile.get(host.profile());
    if (refused != null) {
      throw refused;
    }
    Profile profile = profiles.get(host.profile());
    if (profile == null) {
      throw new IllegalArgumentException(
          "host "
              + host.name()
              + " boots profile "
              + host.profile()
              + ", which is not in the specs");
    }
    StringBuilder out = new StringBuilder(512);
    out.append(NOTICE)
        .append("# host ")
        .append(GrubValues.comment(host, "metadata.name", host.name()))
        .append(", profile ")
        .append(GrubValues.comment(host, "spec.profile", host.profile()))
        .append('\n')
        .append("set timeout=0\n")
        .append("set default=")
        .append(GrubValues.word(host, "spec.profile", host.profile()))
        .append("\n\n")
        .append(entry(profile, "BOOTIF=" + host.mac().pxelinuxConfigName()));
    return out.toString();
  }

  private String renderMenu(CharSequence entries, String defaultEntry) {
    StringBuilder out = new StringBuilder(1024 + entries.length());
    out.append(NOTICE)
        .append("# Debian's network GRUB reads this file as $prefix/grub.cfg ($prefix is /grub on")
        .append(" the TFTP server)\n")
        .append(HOST_LOOKUP)
        .append('\n')
        .append("set timeout=")
        // pxe.timeout counts tenths of a second, as pxelinux does; GRUB counts seconds.
        .append((server.pxe().timeout() + 9) / 10)
        .append('\n')
        .append("set default=")
        .append(GrubValues.quote(defaultEntry))
        .append('\n')
        .append('\n')
        .append("menuentry 'Boot from local disk' --id ")
        .append(LOCAL)
        .append(" {\n")
        .append("  exit\n")
        .append("}\n")
        .append(entries);
    return out.toString();
  }

  /**
   * One profile's {@code menuentry}: the kernel and initrd from the TFTP root (GRUB's {@code $root}
   * is the TFTP server it was loaded from), the command line word by word.
   *
   * @param bootif the last word: {@code BOOTIF=01-<mac>} for a host, the variable the menu sets for
   *     any other client
   */
  private String entry(Profile profile, String bootif) {
    Kernel kernel = kernels.get(profile.kernel());
    RootImage image = rootImages.get(profile.rootImage());
    String menuLabelField = profile.menuLabel() == null ? "metadata.name" : "spec.menuLabel";
    String menuLabel = profile.menuLabel() == null ? profile.name() : profile.menuLabel();
    StringBuilder out = new StringBuilder(512);
    out.append("menuentry ")
        .append(GrubValues.text(profile, menuLabelField, menuLabel))
        .append(" --id ")
        .append(GrubValues.word(profile, "metadata.name", profile.name()))
        .append(" {\n");
    String kernelField = kernel.fromImage() != null ? "spec.fromImage" : "spec.image";
    out.append("  linux ")
        .append(GrubValues.path(kernel, kernelField, "/" + TftpLayout.kernelImage(kernel)));
    String commandLine = KernelCommandLine.of(server, profile, image, kernel.rootMethod());
    // What GRUB's linux command would change, named by the field it comes from.
    GrubValues.argument(image, "spec.path", image.path());
    for (int i = 0; i < profile.nfsOptions().size(); i++) {
      GrubValues.argument(profile, "spec.nfsOptions." + i, profile.nfsOptions().get(i));
    }
    for (int i = 0; i < profile.kernelArgs().size(); i++) {
      GrubValues.argument(profile, "spec.kernelArgs." + i, profile.kernelArgs().get(i));
    }
    for (String argument : commandLine.split(" ")) {
      out.append(' ').append(GrubValues.quote(argument));
    }
    out.append(' ').append(bootif.startsWith("$") ? bootif : GrubValues.quote(bootif)).append('\n');
    String initrd = TftpLayout.kernelInitrd(kernel);
    if (initrd != null) {
      String initrdField = kernel.fromImage() != null ? "spec.fromImage" : "spec.initrd";
      out.append("  initrd ")
          .append(GrubValues.path(kernel, initrdField, "/" + initrd))
          .append('\n');
    }
    out.append("}\n");
    return out.toString();
  }
}
