package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.kernel.PeSignature;
import io.netroot.kernel.ShimVendorCertificate;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.SecureBoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The Secure Boot check of a kernel that {@code loader: grub} profiles boot: under UEFI Secure Boot
 * the shim and GRUB start only a kernel with an Authenticode signature their keys trust, so one
 * with none ({@link PeSignature}) is a warning of every pass, and an error (the kernel file fails,
 * nothing is published, the hosts booting it are blocked) when one of the profiles says {@code
 * secureBoot: required}.
 *
 * <p>It reads the bytes netroot is about to publish, so it also checks a kernel taken from a root
 * image, whose bytes are not known when the specs are validated (a kernel named by {@code
 * spec.image} with {@code secureBoot: required} is refused by validation already). What is checked
 * is that the image carries an Authenticode signature, who signed it, and whether the shim's own CA
 * (its vendor certificate, Debian's Secure Boot CA in Debian's shim) issued the signer's
 * certificate (a warning when not: the firmware's db or a Machine Owner Key may still trust it).
 * Whether the signature matches the image's bytes is left to shim and GRUB at boot.
 */
final class SecureBootAudit implements ContentAudit {

  private final Kernel kernel;
  private final List<Profile> profiles;
  private final Path shim;

  /**
   * @param profiles the {@code loader: grub} profiles that boot {@code kernel}
   * @param shim the shim handed to their hosts, whose vendor certificate the signer is checked
   *     against
   */
  SecureBootAudit(Kernel kernel, List<Profile> profiles, Path shim) {
    this.kernel = kernel;
    this.profiles = List.copyOf(profiles);
    this.shim = shim;
  }

  @Override
  public List<String> check(Content content) {
    PeSignature signature = PeSignature.of(content.bytes());
    if (signature.signed()) {
      return signerWarning(signature);
    }
    String what =
        "Kernel \""
            + kernel.name()
            + "\""
            + (kernel.fromImage() != null ? " (from root image " + kernel.fromImage() + ")" : "")
            + " carries "
            + signature.describe()
            + ": under UEFI Secure Boot the shim and GRUB refuse to start it";
    for (Profile profile : profiles) {
      if (profile.secureBoot() == SecureBoot.REQUIRED) {
        throw new NetrootException(
            profile.origin().at("spec.secureBoot")
                + ": Profile \""
                + profile.name()
                + "\" has secureBoot: required, but "
                + what
                + "; boot a signed kernel (Debian's linux-image-amd64 is signed), or leave"
                + " secureBoot out; nothing published");
      }
    }
    return List.of(
        what
            + " (loader: grub in "
            + String.join(
                ", ",
                profiles.stream()
                    .map(p -> "Profile \"" + p.name() + "\" at " + p.origin().at("spec.loader"))
                    .toList())
            + "); boot a signed kernel, or turn Secure Boot off on those machines");
  }

  /**
   * A warning when the shim's own CA (its {@code .vendor_cert}) did not issue the signer: the
   * kernel then boots only if the firmware's db or a Machine Owner Key trusts its signer. Nothing
   * is said when the shim cannot be read or has no vendor certificate (its copy says why).
   */
  private List<String> signerWarning(PeSignature signature) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(shim);
    } catch (IOException e) {
      return List.of();
    }
    Optional<X509Certificate> vendor = ShimVendorCertificate.of(bytes);
    if (vendor.isEmpty() || signature.issuedBy(vendor.get())) {
      return List.of();
    }
    return List.of(
        "Kernel \""
            + kernel.name()
            + "\" is "
            + signature.describe()
            + ", which the shim's own CA ("
            + vendor.get().getSubjectX500Principal().getName()
            + ", in "
            + shim
            + ") did not issue: under UEFI Secure Boot it starts only if the firmware's db or a"
            + " Machine Owner Key trusts its signer");
  }
}
