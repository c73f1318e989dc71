package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import java.util.List;

/**
 * The kernel command line of a profile: how the client configures its network and mounts its root
 * filesystem over NFS, then the profile's own arguments.
 */
public final class KernelCommandLine {

  private KernelCommandLine() {}

  /**
   * {@code ip=::::::dhcp root=/dev/nfs nfsroot=SERVER:PATH[,OPTIONS]} followed by the profile's
   * kernel arguments, separated by single spaces.
   */
  public static String of(BootServer server, Profile profile, RootImage image) {
    StringBuilder out = new StringBuilder(128);
    append(out, RootMethod.KERNEL, server, profile, image);
    return out.toString();
  }

  /** Appends the command line to {@code out}, for callers building a larger text. */
  static void append(
      StringBuilder out, RootMethod method, BootServer server, Profile profile, RootImage image) {
    method.appendRootArguments(out, server, image, profile.nfsOptions());
    for (String arg : profile.kernelArgs()) {
      out.append(' ').append(arg);
    }
  }

  /**
   * How the root filesystem gets mounted. Only the kernel's own NFS root is implemented; an
   * initramfs-based method ({@code boot=nfs nfsroot=…} for initramfs-tools, {@code
   * root=nfs:SERVER:PATH:OPTIONS} for dracut) becomes another constant here, chosen per profile.
   */
  enum RootMethod {
    /**
     * The kernel mounts the root itself (CONFIG_ROOT_NFS, Documentation/admin-guide/nfs/nfsroot):
     * {@code ip=} is {@code <client>:<server>:<gw>:<netmask>:<hostname>:<device>:<autoconf>}, so
     * six colons then {@code dhcp} leaves everything to DHCP; {@code nfsroot=} is {@code
     * <server>:<path>[,<options>]}.
     */
    KERNEL {
      @Override
      void appendRootArguments(
          StringBuilder out, BootServer server, RootImage image, List<String> nfsOptions) {
        out.append("ip=::::::dhcp root=/dev/nfs nfsroot=")
            .append(server.address())
            .append(':')
            .append(image.path());
        for (String option : nfsOptions) {
          out.append(',').append(option);
        }
      }
    };

    abstract void appendRootArguments(
        StringBuilder out, BootServer server, RootImage image, List<String> nfsOptions);
  }
}
