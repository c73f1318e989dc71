package io.netroot.spec;

import io.netroot.NetrootException;
import io.netroot.kernel.KernelConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link NfsRootChecks} of a kernel's build configuration ({@code spec.config}): a kernel that
 * mounts the root itself ({@code rootMethod: kernel}) has the NFS root code built in, and so has
 * what each profile booting it adds (its NFS version, devtmpfs). Each config is read once. A kernel
 * taken from a root image ({@code fromImage}) has no config of its own, and mounts its root from
 * the image's initramfs, so it is not checked here.
 */
final class KernelConfigChecks {

  /** What {@code rootMethod: kernel} needs built in, whatever the profile. */
  static final List<String> KERNEL_NEEDS =
      List.of("CONFIG_ROOT_NFS", "CONFIG_NFS_FS", "CONFIG_IP_PNP", "CONFIG_IP_PNP_DHCP");

  private static final String INITRD_ADVICE =
      "build it in (=y), or boot with an initrd (rootMethod: initramfs-tools or dracut)";

  private KernelConfigChecks() {}

  /** Checks every kernel's config, then what each profile booting a checked kernel adds. */
  static void check(
      Map<String, Kernel> kernels,
      Map<String, RootImage> rootImages,
      Map<String, Profile> profiles,
      Findings findings) {
    Map<String, KernelConfig> configs = kernelConfigs(kernels, findings);
    for (Profile profile : profiles.values()) {
      Kernel kernel = kernels.get(profile.kernel());
      KernelConfig config = kernel == null ? null : configs.get(kernel.name());
      if (config != null) {
        profileNeeds(profile, kernel, config, rootImages.get(profile.rootImage()), findings);
      }
    }
  }

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
}
