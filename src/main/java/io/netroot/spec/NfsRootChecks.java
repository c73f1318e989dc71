package io.netroot.spec;

import io.netroot.NetrootException;
import io.netroot.kernel.KernelConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that a client can actually mount its root: the kernel's build configuration has the
 * NFS root code built in when the kernel mounts the root itself, and each profile's NFS options ask
 * for a version and transport the boot server offers.
 *
 * <p>Each kernel config is parsed once; hosts are grouped by profile once, and the version checks
 * run once per profile, naming its hosts, so the pass stays linear in the number of documents.
 */
final class NfsRootChecks {

  /** How many host names an error names before "and N more". */
  static final int HOSTS_NAMED = 3;

  /** What {@code rootMethod: kernel} needs built in, whatever the profile. */
  static final List<String> KERNEL_NEEDS =
      List.of("CONFIG_ROOT_NFS", "CONFIG_NFS_FS", "CONFIG_IP_PNP", "CONFIG_IP_PNP_DHCP");

  private static final String INITRD_ADVICE =
      "build it in (=y), or boot with an initrd (rootMethod: initramfs-tools or dracut)";

  private NfsRootChecks() {}

  static void check(
      BootServer server,
      Map<String, Kernel> kernels,
      Map<String, RootImage> rootImages,
      Map<String, Profile> profiles,
      List<Host> hosts,
      Findings findings) {
    Map<String, KernelConfig> configs = kernelConfigs(kernels, findings);
    for (Profile profile : profiles.values()) {
      Kernel kernel = kernels.get(profile.kernel());
      KernelConfig config = kernel == null ? null : configs.get(kernel.name());
      if (config != null) {
        profileNeeds(profile, kernel, config, rootImages.get(profile.rootImage()), findings);
      }
    }
    if (server != null) {
      serverOffers(server, kernels, profiles, hosts, findings);
    }
  }

  // ---- the kernel's build configuration ----

  /**
   * Reads the config of every kernel that names one; checks what {@code rootMethod: kernel} needs
   * whatever the profile. Returns the configs of the kernels booted that way, by kernel name.
   */
  private static Map<String, KernelConfig> kernelConfigs(
      Map<String, Kernel> kernels, Findings findings) {
    Map<String, KernelConfig> configs = new HashMap<>();
    for (Kernel kernel : kernels.values()) {
      if (kernel.config() == null) {
        continue;
      }
      if (!Files.isRegularFile(kernel.config())) {
        findings.at(
            kernel,
            "spec.config",
            "spec.config "
                + kernel.config()
                + (Files.exists(kernel.config()) ? " is not a regular file" : " does not exist")
                + "; give the kernel's build configuration (/boot/config-RELEASE), or leave"
                + " spec.config out");
        continue;
      }
      if (kernel.rootMethod() != RootMethod.KERNEL) {
        continue;
      }
      KernelConfig config;
      try {
        config = KernelConfig.read(kernel.config());
      } catch (NetrootException e) {
        findings.at(kernel, "spec.config", "spec.config: " + e.getMessage());
        continue;
      }
      configs.put(kernel.name(), config);
      List<String> problems = new ArrayList<>();
      for (String option : KERNEL_NEEDS) {
        problem(config, option).ifPresent(problems::add);
      }
      if (!problems.isEmpty()) {
        findings.at(
            kernel,
            "spec.config",
            "rootMethod: kernel mounts the root over NFS with no initrd, but its spec.config "
                + kernel.config()
                + " does not build in what that needs: "
                + String.join("; ", problems)
                + "; "
                + INITRD_ADVICE);
      }
    }
    return configs;
  }

  /** What a profile booting a {@code rootMethod: kernel} kernel adds: its NFS version, devtmpfs. */
  private static void profileNeeds(
      Profile profile, Kernel kernel, KernelConfig config, RootImage image, Findings findings) {
    String version = NfsOptions.of(profile.nfsOptions()).version();
    List<String> options = new ArrayList<>();
    String assumed = "";
    if (version == null) {
      boolean v2 = config.state("CONFIG_NFS_V2") == KernelConfig.State.BUILT_IN;
      version = v2 ? "2" : "3";
      assumed =
          " (spec.nfsOptions has no vers=, so netroot assumed nfsroot's default, vers="
              + version
              + (v2
                  ? ", as CONFIG_NFS_V2 is built in"
                  : ", as CONFIG_NFS_V2 is not built in; add vers= to say which")
              + ")";
    }
    options.addAll(clientOptions(version));
    List<String> problems = new ArrayList<>();
    for (String option : options) {
      problem(config, option).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      findings.at(
          profile,
          "spec.nfsOptions",
          "mounts its root with NFS vers="
              + version
              + assumed
              + " from Kernel "
              + Text.quote(kernel.name())
              + " (rootMethod: kernel), whose spec.config "
              + kernel.config()
              + " does not build in what that needs: "
              + String.join("; ", problems)
              + "; "
              + INITRD_ADVICE);
    }
    if (image != null && image.devices() == RootImage.Devices.DEVTMPFS) {
      problem(config, "CONFIG_DEVTMPFS_MOUNT")
          .ifPresent(
              problem ->
                  findings.at(
                      profile,
                      "spec.rootImage",
                      "RootImage "
                          + Text.quote(image.name())
                          + " has devices: devtmpfs, so Kernel "
                          + Text.quote(kernel.name())
                          + " (rootMethod: kernel) must mount devtmpfs on /dev itself, but its"
                          + " spec.config "
                          + kernel.config()
                          + " does not build that in: "
                          + problem
                          + "; "
                          + INITRD_ADVICE
                          + ", or use devices: static"));
    }
  }

  /** The client options an NFS version needs: {@code 4.1} needs v4 and v4.1. */
  static List<String> clientOptions(String version) {
    return switch (version) {
      case "2" -> List.of("CONFIG_NFS_V2");
      case "3" -> List.of("CONFIG_NFS_V3");
      case "4", "4.0" -> List.of("CONFIG_NFS_V4");
      case "4.1" -> List.of("CONFIG_NFS_V4", "CONFIG_NFS_V4_1");
      case "4.2" -> List.of("CONFIG_NFS_V4", "CONFIG_NFS_V4_1", "CONFIG_NFS_V4_2");
      default -> List.of();
    };
  }

  /** Why {@code option} is not usable without an initrd, or empty when it is built in. */
  private static Optional<String> problem(KernelConfig config, String option) {
    return switch (config.state(option)) {
      case BUILT_IN -> Optional.empty();
      case MODULE ->
          Optional.of(
              option + "=m is built as a module: without an initrd the kernel cannot load it");
      case VALUE -> Optional.of(option + "=" + config.value(option) + " is not y (built in)");
      case NOT_SET -> Optional.of(option + " is not set");
    };
  }

  // ---- what the server offers ----

  /**
   * One error per profile whose options ask for something the server does not offer, naming the
   * hosts that boot it.
   */
  private static void serverOffers(
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

  /**
   * The version and transport a list of NFS mount options asks for.
   *
   * @param version {@code 3}, {@code 4.1}, … from the last {@code vers=} or {@code nfsvers=}, or
   *     {@code null}
   * @param transport {@code udp}, {@code tcp}, {@code proto=…}'s value, or {@code null}
   */
  record NfsOptions(String version, String transport) {

    boolean udp() {
      return "udp".equals(transport) || "proto=udp".equals(transport);
    }

    static NfsOptions of(List<String> options) {
      String version = null;
      String transport = null;
      for (String option : options) {
        String lower = option.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("vers=") || lower.startsWith("nfsvers=")) {
          version = lower.substring(lower.indexOf('=') + 1);
          if (version.equals("4.0")) {
            version = "4";
          }
        } else if (lower.equals("udp") || lower.equals("tcp")) {
          transport = lower;
        } else if (lower.startsWith("proto=")) {
          transport = lower.equals("proto=udp") ? "proto=udp" : lower.substring(6);
        }
      }
      return new NfsOptions(version, transport);
    }
  }

  /**
   * The versions and transports the server offers: the spec where set, else nfs-utils' defaults.
   */
  record ServerNfs(boolean v2, boolean v3, boolean v4, boolean v41, boolean v42, boolean udp) {

    static ServerNfs of(BootServer server) {
      BootServer.Nfs nfs = server.nfs();
      BootServer.NfsVersions versions = nfs == null ? null : nfs.versions();
      BootServer.NfsVersions v =
          versions != null ? versions : new BootServer.NfsVersions(null, null, null, null, null);
      return new ServerNfs(
          or(v.v2(), false),
          or(v.v3(), true),
          or(v.v4(), true),
          or(v.v41(), true),
          or(v.v42(), true),
          nfs != null && nfs.udp() != null && nfs.udp());
    }

    private static boolean or(Boolean value, boolean fallback) {
      return value != null ? value : fallback;
    }

    /** Whether the server offers {@code version}, or {@code null} for a version it cannot name. */
    Boolean offers(String version) {
      return switch (version) {
        case "2" -> v2;
        case "3" -> v3;
        case "4" -> v4;
        case "4.1" -> v4 && v41;
        case "4.2" -> v4 && v42;
        default -> null;
      };
    }

    /** The spec key of a version: {@code v4.1}. */
    static String key(String version) {
      return "v" + version;
    }

    /** {@code -2 +3 +4 +4.1 +4.2, tcp only}. */
    String describe() {
      return (v2 ? "+2" : "-2")
          + (v3 ? " +3" : " -3")
          + (v4 ? " +4" : " -4")
          + (v41 ? " +4.1" : " -4.1")
          + (v42 ? " +4.2" : " -4.2")
          + (udp ? ", tcp and udp" : ", tcp only");
    }
  }
}
