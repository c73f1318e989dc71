package io.netroot.spec;

import io.netroot.NetrootException;
import io.netroot.kernel.PeSignature;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * What a profile's {@code loader} and {@code secureBoot} ask of the rest. {@code loader: grub} is
 * the UEFI Secure Boot chain (shim, then GRUB), so it needs UEFI clients ({@code firmware: uefi} or
 * {@code auto}) and a DHCP server that names a boot file per host (not dnsmasq in proxy mode).
 * {@code secureBoot: required} needs {@code loader: grub}, and a kernel with an Authenticode
 * signature: a kernel named by {@code spec.image} is read here; one taken from a root image is
 * checked when its bytes are known, by the pass that publishes it.
 */
final class LoaderChecks {

  private LoaderChecks() {}

  static void check(
      BootServer server,
      Map<String, Kernel> kernels,
      Map<String, Profile> profiles,
      Findings findings) {
    Map<String, PeSignature> signatures = new HashMap<>();
    for (Profile profile : profiles.values()) {
      boolean grub = profile.loader() == Loader.GRUB;
      if (grub && profile.firmware() == Firmware.BIOS) {
        findings.at(
            profile,
            "spec.loader",
            "loader: grub hands UEFI clients the signed shim, but firmware: bios (at "
                + profile.origin().at("spec.firmware")
                + ") boots only BIOS clients, which get pxelinux; use firmware: uefi or auto, or"
                + " leave loader out");
      }
      if (grub && server != null && server.dhcp().proxy()) {
        findings.at(
            profile,
            "spec.loader",
            "loader: grub needs DHCP to hand its hosts the shim, but dhcp.mode proxy (at "
                + server.origin().at("spec.dhcp.mode")
                + ") hands every client of a network the same boot loader; use dhcp.mode full,"
                + " or leave loader out");
      }
      if (profile.secureBoot() != SecureBoot.REQUIRED) {
        continue;
      }
      if (!grub) {
        findings.at(
            profile,
            "spec.secureBoot",
            "secureBoot: required needs loader: grub, the signed chain (shim, then GRUB);"
                + " loader: "
                + profile.loader().yaml()
                + " is not signed for UEFI Secure Boot");
        continue;
      }
      Kernel kernel = kernels.get(profile.kernel());
      if (kernel == null || kernel.image() == null || !Files.isRegularFile(kernel.image())) {
        continue; // a missing reference or file is reported by its own check
      }
      PeSignature signature;
      try {
        signature = signatures.computeIfAbsent(kernel.name(), k -> PeSignature.of(kernel.image()));
      } catch (NetrootException e) {
        continue; // an unreadable image fails its copy, with the reason
      }
      if (!signature.signed()) {
        findings.at(
            profile,
            "spec.secureBoot",
            "secureBoot: required, but Kernel "
                + Text.quote(kernel.name())
                + " (spec.image "
                + kernel.image()
                + " at "
                + kernel.origin().at("spec.image")
                + ") carries "
                + signature.describe()
                + ", which the shim and GRUB refuse under Secure Boot; boot a signed kernel"
                + " (Debian's linux-image-amd64 is signed)");
      }
    }
  }
}
