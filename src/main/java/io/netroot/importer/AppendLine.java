package io.netroot.importer;

import io.netroot.spec.RootMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel command line from a pxelinux {@code APPEND}, read into what a Profile says: who mounts
 * the root ({@code root=/dev/nfs nfsroot=} the kernel, {@code boot=nfs nfsroot=} initramfs-tools,
 * {@code root=nfs:} dracut), the NFS server, path and mount options, and the other arguments in
 * their order. The arguments netroot writes itself for the method ({@code ip=::::::dhcp} or {@code
 * ip=dhcp}, {@code root=/dev/nfs}, {@code boot=nfs}) are not kept as kernel arguments; {@code
 * initrd=} files are taken out.
 *
 * @param method who mounts the root, or {@code null} when it is not an NFS root
 * @param server the NFS server's address as written
 * @param path the exported path the root is mounted from
 * @param nfsOptions the mount options, in order
 * @param kernelArgs the other arguments, in order
 * @param initrds the files of {@code initrd=}, in order
 * @param ownIp whether the line has the {@code ip=} argument netroot writes for the method
 * @param problem why it cannot be a Profile, or {@code null}
 */
record AppendLine(
    RootMethod method,
    String server,
    String path,
    List<String> nfsOptions,
    List<String> kernelArgs,
    List<String> initrds,
    boolean ownIp,
    String problem) {

  /** Reads a command line. */
  static AppendLine parse(String line) {
    List<String> args = new ArrayList<>();
    List<String> initrds = new ArrayList<>();
    for (String a : line.strip().split("\\s+")) {
      if (a.startsWith("initrd=")) {
        for (String f : a.substring(7).split(",")) {
          if (!f.isEmpty()) {
            initrds.add(f);
          }
        }
      } else if (!a.isEmpty()) {
        args.add(a);
      }
    }
    String dracut = last(args, "root=nfs:");
    String nfsroot = last(args, "nfsroot=");
    RootMethod method;
    if (dracut != null) {
      method = RootMethod.DRACUT;
    } else if (nfsroot != null && args.contains("boot=nfs")) {
      method = RootMethod.INITRAMFS_TOOLS;
    } else if (nfsroot != null && args.contains("root=/dev/nfs")) {
      method = RootMethod.KERNEL;
    } else {
      String why =
          nfsroot != null
              ? "has nfsroot= without root=/dev/nfs or boot=nfs, so it is not clear who mounts the"
                  + " root"
              : "mounts no root over NFS (no nfsroot= with root=/dev/nfs or boot=nfs, no"
                  + " root=nfs:); netroot's profiles boot an NFS root";
      return new AppendLine(null, null, null, List.of(), args, initrds, false, why);
    }
    String server;
    String path;
    List<String> options = new ArrayList<>();
    if (method == RootMethod.DRACUT) {
      String[] parts = dracut.substring("root=nfs:".length()).split(":", 3);
      if (parts.length < 2) {
        return problem(args, initrds, dracut + " names no server (root=nfs:SERVER:PATH)");
      }
      server = parts[0];
      path = parts[1];
      if (parts.length == 3 && !parts[2].isEmpty()) {
        options.addAll(List.of(parts[2].split(",")));
      }
    } else {
      String value = nfsroot.substring("nfsroot=".length());
      int comma = value.indexOf(',');
      String target = comma < 0 ? value : value.substring(0, comma);
      if (comma >= 0) {
        options.addAll(List.of(value.substring(comma + 1).split(",")));
      }
      int colon = target.indexOf(':');
      if (colon < 0 || target.indexOf('/') < colon) {
        return problem(
            args,
            initrds,
            nfsroot
                + " names no server; netroot writes nfsroot=SERVER:PATH with the boot server's"
                + " address");
      }
      server = target.substring(0, colon);
      path = target.substring(colon + 1);
    }
    options.removeIf(String::isEmpty);
    String ownIp = method == RootMethod.KERNEL ? "ip=::::::dhcp" : "ip=dhcp";
    boolean hasOwnIp = args.contains(ownIp);
    List<String> kept = new ArrayList<>();
    String rootArg = method == RootMethod.DRACUT ? dracut : nfsroot;
    String marker = method == RootMethod.KERNEL ? "root=/dev/nfs" : "boot=nfs";
    boolean ipTaken = false;
    boolean targetTaken = false;
    boolean markerTaken = method == RootMethod.DRACUT;
    // netroot writes each of its own arguments once: one of each is taken, the last nfsroot
    for (int i = args.size() - 1; i >= 0; i--) {
      String a = args.get(i);
      if (a.equals(ownIp) && !ipTaken) {
        ipTaken = true;
      } else if (a.equals(rootArg) && !targetTaken) {
        targetTaken = true;
      } else if (a.equals(marker) && !markerTaken) {
        markerTaken = true;
      } else {
        kept.add(0, a);
      }
    }
    return new AppendLine(
        method, server, path, List.copyOf(options), kept, initrds, hasOwnIp, null);
  }

  private static AppendLine problem(List<String> args, List<String> initrds, String why) {
    return new AppendLine(null, null, null, List.of(), args, initrds, false, why);
  }

  /** The last argument starting with {@code prefix} (the kernel takes the last), or null. */
  private static String last(List<String> args, String prefix) {
    String found = null;
    for (String a : args) {
      if (a.startsWith(prefix)) {
        found = a;
      }
    }
    return found;
  }
}
