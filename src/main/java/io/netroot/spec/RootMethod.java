package io.netroot.spec;

import java.util.Locale;

/**
 * Who mounts the root filesystem over NFS: the kernel itself, or the initramfs of one of the two
 * common generators. It decides the kernel command line.
 */
public enum RootMethod {
  /** The kernel's own NFS root (no initrd needed): {@code ip=… root=/dev/nfs nfsroot=…}. */
  KERNEL,
  /** Debian/Ubuntu initramfs-tools: {@code boot=nfs nfsroot=…}. */
  INITRAMFS_TOOLS,
  /** Fedora/RHEL dracut: {@code root=nfs:SERVER:PATH:OPTIONS}. */
  DRACUT;

  /** The spelling in YAML: {@code kernel}, {@code initramfs-tools}, {@code dracut}. */
  public String yaml() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
