package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import java.util.List;

/**
 * The kernel command line of a profile: how the client configures its network and mounts its root
 * filesystem over NFS (which depends on who mounts it, the {@link RootMethod}), then the profile's
 * own arguments.
 *
 * <p>Each value is one argument, or one item of a comma-separated list inside {@code nfsroot=}:
 * blanks, double quotes, and the separators of the list it sits in are refused (see {@link
 * PxelinuxValues#item}), so that no value splits an argument or adds one.
 */
public final class KernelCommandLine {

  private static final String PATH_COMMA =
      "would end the path in nfsroot= and start its mount options";
  private static final String OPTION_COMMA = "would split it into two mount options";
  private static final String DRACUT_COLON =
      "would be read by dracut as the end of a field of root=nfs:<server>:<path>:<options>";

  private KernelCommandLine() {}

  /**
   * The root arguments for {@code method}, then the profile's kernel arguments.
   *
   * @throws UnsafeValueException when a value would not stay one argument
   */
  public static String of(BootServer server, Profile profile, RootImage image, RootMethod method) {
    StringBuilder out = new StringBuilder(128);
    append(out, method, server, profile, image);
    return out.toString();
  }

  /** Appends the command line to {@code out}, for callers building a larger text. */
  static void append(
      StringBuilder out, RootMethod method, BootServer server, Profile profile, RootImage image) {
    boolean dracut = method == RootMethod.DRACUT;
    String path =
        PxelinuxValues.item(
            image,
            "spec.path",
            image.path(),
            dracut ? ",:" : ",",
            dracut ? DRACUT_COLON : PATH_COMMA);
    String target = server.address() + ":" + path;
    List<String> options = profile.nfsOptions();
    for (int i = 0; i < options.size(); i++) {
      PxelinuxValues.item(
          profile,
          "spec.nfsOptions." + i,
          options.get(i),
          dracut ? ",:" : ",",
          dracut ? DRACUT_COLON : OPTION_COMMA);
    }
    switch (method) {
        // The kernel's own NFS root (Documentation/admin-guide/nfs/nfsroot): ip= is
        // <client>:<server>:<gw>:<netmask>:<hostname>:<device>:<autoconf>, so six colons then
        // dhcp leaves everything to DHCP; nfsroot= is <server>:<path>[,<options>].
      case KERNEL ->
          out.append("ip=::::::dhcp root=/dev/nfs nfsroot=").append(target).append(commas(options));
        // initramfs-tools(7): boot=nfs selects its NFS script, which reads nfsroot= the same way.
      case INITRAMFS_TOOLS ->
          out.append("ip=dhcp boot=nfs nfsroot=").append(target).append(commas(options));
        // dracut.cmdline(7): root=nfs:<server>:<path>[:<options>], options comma-separated.
        // No rd.neednet=1: a root=nfs: sets dracut's netroot, which brings the network up.
      case DRACUT -> {
        out.append("ip=dhcp root=nfs:").append(target);
        if (!options.isEmpty()) {
          out.append(':').append(String.join(",", options));
        }
      }
    }
    List<String> args = profile.kernelArgs();
    for (int i = 0; i < args.size(); i++) {
      out.append(' ').append(PxelinuxValues.argument(profile, "spec.kernelArgs." + i, args.get(i)));
    }
  }

  private static String commas(List<String> options) {
    return options.isEmpty() ? "" : "," + String.join(",", options);
  }
}
