package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.kernel.PeSignature;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.SecureBoot;
import java.util.List;

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
 * is that the image carries an Authenticode signature and who signed it; whether that signer's key
 * is one shim trusts (Debian's CA for Debian's shim) is left to shim and GRUB at boot.
 */
final class SecureBootAudit implements ContentAudit {

  private final Kernel kernel;
  private final List<Profile> profiles;

  /**
   * @param profiles the {@code loader: grub} profiles that boot {@code kernel}
   */
  SecureBootAudit(Kernel kernel, List<Profile> profiles) {
    this.kernel = kernel;
    this.profiles = List.copyOf(profiles);
  }

  @Override
  public List<String> check(Content content) {
    PeSignature signature = PeSignature.of(content.bytes());
    if (signature.signed()) {
      return List.of();
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
}
