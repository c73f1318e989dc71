package io.netroot.spec;

/**
 * Whether a {@code loader: grub} profile must keep UEFI Secure Boot whole: the shim and GRUB are
 * signed, and so must its kernel be.
 */
public enum SecureBoot {
  /** A kernel without an Authenticode signature is a warning of {@code plan} (the default). */
  OPTIONAL,
  /** A kernel without an Authenticode signature is an error: the chain would refuse it. */
  REQUIRED
}
