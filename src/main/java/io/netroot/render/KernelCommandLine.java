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
 */
public final class KernelCommandLine {

  private KernelCommandLine() {}

  /** The root arguments for {@code method}, then the profile's kernel arguments. */
  public static String of(BootServer server, Profile profile, RootImage image, RootMethod method) {
    StringBuilder out = new StringBuilder(128);
    append(out, method, server, profile, image);
    return out.toString();
  }

  /** Appends the command line to {@code out}, for callers building a larger text. */
  static void append(
      StringBuilder out, RootMethod method, BootServer server, Profile profile, RootImage image) {
    String target = server.address() + ":" + image.path();
    List<String> options = profile.nfsOptions();
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
      case DRACUT -> {
        out.append("ip=dhcp root=nfs:").append(target);
        if (!options.isEmpty()) {
          out.append(':').append(String.join(",", options));
        }
      }
    }
    for (String arg : profile.kernelArgs()) {
      out.append(' ').append(arg);
    }
  }

  private static String commas(List<String> options) {
    return options.isEmpty() ? "" : "," + String.join(",", options);
  }
}
