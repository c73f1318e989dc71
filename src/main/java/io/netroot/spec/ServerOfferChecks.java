package io.netroot.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link NfsRootChecks} of what the boot server offers: each profile's NFS options ask for a
 * version and transport the server has on, or, when they name none, for what the client's mount
 * code falls back to. Hosts are grouped by profile once; an error names a profile's hosts.
 */
final class ServerOfferChecks {

  /** How many host names an error names before "and N more". */
  static final int HOSTS_NAMED = 3;

  private ServerOfferChecks() {}

  /**
   * One error per profile whose options ask for something the server does not offer, naming the
   * hosts that boot it.
   */
  static void check(
      BootServer server,
      Map<String, Kernel> kernels,
      Map<String, Profile> profiles,
      List<Host> hosts,
      Findings findings) {
    ServerNfs offers = ServerNfs.of(server);
    Map<String, List<String>> hostsByProfile = new LinkedHashMap<>();
    for (Host host : hosts) {
      if (profiles.containsKey(host.profile())) {
        hostsByProfile.computeIfAbsent(host.profile(), p -> new ArrayList<>()).add(host.name());
      }
    }
    hostsByProfile.forEach(
        (name, users) -> {
          Profile profile = profiles.get(name);
          Kernel kernel = kernels.get(profile.kernel());
          RootMethod method = kernel == null ? null : kernel.rootMethod();
          List<String> problems = problems(NfsOptions.of(profile.nfsOptions()), method, offers);
          if (!problems.isEmpty()) {
            findings.at(
                profile,
                "spec.nfsOptions",
                "booted by "
                    + hostList(users)
                    + ": "
                    + String.join("; ", problems)
                    + " (BootServer "
                    + Text.quote(server.name())
                    + " offers "
                    + offers.describe()
                    + ")");
          }
        });
  }

  /** What a client booted by {@code method} asks with {@code options} that {@code offers} lacks. */
  static List<String> problems(NfsOptions options, RootMethod method, ServerNfs offers) {
    List<String> problems = new ArrayList<>();
    String version = options.version();
    if (version != null) {
      Boolean on = offers.offers(version);
      if (on != null && !on) {
        problems.add(
            "vers="
                + version
                + " is disabled on the server; use a version it offers (vers=3 or vers=4), or"
                + " enable it with spec.nfs.versions."
                + ServerNfs.key(version)
                + ": true");
      }
    } else if (!offers.v2()
        && (method == RootMethod.KERNEL || method == RootMethod.INITRAMFS_TOOLS)) {
      problems.add(
          "spec.nfsOptions has no vers=, and NFSv2 is disabled on the server; "
              + (method == RootMethod.KERNEL
                  ? "the kernel's nfsroot in older kernels asks for v2 and does not fall back"
                  : "initramfs-tools mounts with klibc nfsmount, which asks for v2 unless told"
                      + " otherwise and speaks only v2 and v3")
              + ", so add vers=3");
    }
    if (options.udp() && !offers.udp()) {
      problems.add(
          (options.transport().equals("udp") ? "udp" : "proto=udp")
              + " asks for UDP, which the server has off; use tcp, or enable it with"
              + " spec.nfs.udp: true");
    } else if (options.transport() == null && method == RootMethod.KERNEL && !offers.udp()) {
      problems.add(
          "spec.nfsOptions names no transport, and the server has UDP off; the kernel's nfsroot"
              + " in older kernels defaults to UDP, so add tcp");
    }
    return problems;
  }

  private static String hostList(List<String> names) {
    List<String> quoted = names.stream().limit(HOSTS_NAMED).map(Text::quote).toList();
    String shown = String.join(", ", quoted);
    String noun = names.size() == 1 ? "Host " : "Hosts ";
    return names.size() > HOSTS_NAMED
        ? noun + shown + " and " + (names.size() - HOSTS_NAMED) + " more"
        : noun + shown;
  }
}
