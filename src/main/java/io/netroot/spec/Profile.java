package io.netroot.spec;

import java.util.List;

/**
 * How a machine boots: which kernel, which root image, which NFS mount options and kernel
 * arguments. One entry of the PXE menu.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: Profile
 * metadata: {name: nfs-centos55}
 * spec:
 *   kernel: linux-nfs1
 *   rootImage: cent55
 *   nfsOptions: [tcp, vers=3]
 *   kernelArgs: [text]
 *   menuLabel: nfs-centos55
 * }</pre>
 *
 * @param menuLabel the text of the menu entry; defaults to the name
 * @param firmware bios, uefi or auto (default): which bootloader DHCP hands its hosts
 * @param loader syslinux (default), grub or ipxe: the bootloader its hosts are handed
 * @param secureBoot optional (default) or required: whether a {@code loader: grub} profile's kernel
 *     must carry an Authenticode signature
 */
public record Profile(
    String name,
    String kernel,
    String rootImage,
    List<String> nfsOptions,
    List<String> kernelArgs,
    String menuLabel,
    Firmware firmware,
    Loader loader,
    SecureBoot secureBoot,
    Origin origin)
    implements SpecDocument {

  public Profile {
    nfsOptions = List.copyOf(nfsOptions);
    kernelArgs = List.copyOf(kernelArgs);
  }
}
