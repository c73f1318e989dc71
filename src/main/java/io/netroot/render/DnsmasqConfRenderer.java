package io.netroot.render;

import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Loader;
import io.netroot.spec.Network;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.util.List;

/**
 * netroot's dnsmasq drop-in ({@code /etc/dnsmasq.d/netroot.conf}), a file netroot owns whole: the
 * DHCP part only. DNS, TFTP ({@code enable-tftp} is never set: tftpd-hpa serves the files) and the
 * interfaces stay what the admin's {@code dnsmasq.conf} says.
 *
 * <p>In full mode it declares what the dhcpd renderer does: per network a {@code dhcp-range} tagged
 * {@code netroot-NAME} ({@code static} without a dynamic range), its router, DNS and domain
 * options, and its boot files chosen by option 93. Routers and DNS servers the spec leaves out are
 * written without a value: dnsmasq then sends none, where it would send its own address (dhcpd
 * sends none); a domain left out is left to dnsmasq.conf's {@code domain=}, as dhcpd leaves it to a
 * global option. Option 93 is read by {@code dhcp-match}, which sets {@value #EFI_TAG} for
 * architectures 7 and 9. Per host a {@code dhcp-host} with MAC, address and name. A host pinned to
 * one firmware is tagged {@value #PINNED_TAG} and {@code netroot-bios} or {@code netroot-uefi},
 * whose {@code dhcp-boot} lines name its loader; the network's own lines exclude pinned hosts, so
 * no two lines match one client.
 *
 * <p>dnsmasq keeps only the part of a {@code dhcp-host} name before its first dot (it reads the
 * rest as a domain, which must be its own). A dotted host name is therefore sent as option 12 of
 * that host alone ({@code dhcp-option=tag:netroot-host-MAC,12,"NAME"}), as dhcpd sends it.
 *
 * <p>In proxy mode another DHCP server gives the addresses: per network a {@code dhcp-range} in
 * proxy mode and one {@code pxe-service} per architecture naming the boot loader and the boot
 * server, nothing per host. The loader then follows the client's architecture.
 *
 * <p>Spec text reaches the file as names (tags and comments: letters, digits, {@code . _ -}), MAC
 * addresses and a domain name, each checked by {@link DhcpValues}; host names only when they are
 * plain DNS names; quoted values hold no quote or backslash.
 */
public final class DnsmasqConfRenderer {

  static final String FILE = "dnsmasq drop-in";

  /** Set by {@code dhcp-match} for x86-64 UEFI clients. */
  static final String EFI_TAG = "netroot-efi64";

  /** Set on the hosts of {@code loader: grub} profiles that boot by option 93. */
  static final String GRUB_TAG = "netroot-grub";

  /** Set on the hosts of {@code loader: grub} profiles pinned to UEFI. */
  static final String GRUB_UEFI_TAG = "netroot-grub-uefi";

  /** Set on every host pinned to one firmware. */
  static final String PINNED_TAG = "netroot-pinned";

  /** Set by {@code dhcp-userclass} when the client is iPXE (its user class, option 77). */
  static final String IPXE_TAG = "netroot-ipxe";

  /** Set (proxy mode, by {@code dhcp-mac}) on the hosts of {@code loader: ipxe} profiles. */
  static final String IPXE_HOST_TAG = "netroot-ipxe-host";

  private static final String HEAD =
      "# managed by netroot, edit the specs: changes here are reverted\n"
          + "# DHCP for netroot's networks; DNS, TFTP and interfaces are dnsmasq.conf's\n";

  private static final String TAG_EFFECT = "would end the tag and start another field";

  private final SpecSet specs;

  public DnsmasqConfRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * The whole file; every line ends with {@code \n}.
   *
   * @throws UnsafeValueException when a name or the domain name cannot be written as data
   */
  public String file() {
    return specs.server().dhcp().proxy() ? proxy() : full();
  }

  private String full() {
    String server = specs.server().address().toString();
    HostsByNetwork hosts = HostsByNetwork.of(specs);
    StringBuilder out = new StringBuilder(HEAD);
    out.append("# DHCP option 93, the client system architecture (RFC 4578): 7 and 9 x86-64 UEFI\n")
        .append("dhcp-match=set:" + EFI_TAG + ",option:client-arch,7\n")
        .append("dhcp-match=set:" + EFI_TAG + ",option:client-arch,9\n")
        .append("# a host pinned to one firmware gets its boot loader whatever option 93 says\n")
        .append("dhcp-boot=tag:netroot-bios,")
        .append(TftpLayout.BIOS_BOOT_FILE + ",," + server + "\n")
        .append("dhcp-boot=tag:netroot-uefi,")
        .append(TftpLayout.EFI_BOOT_FILE + ",," + server + "\n");
    boolean grub = specs.profiles().stream().anyMatch(p -> p.loader() == Loader.GRUB);
    if (grub) {
      out.append("# hosts of loader: grub profiles get the signed shim over UEFI\n")
          .append("dhcp-boot=tag:" + GRUB_TAG + ",tag:" + EFI_TAG + ",tag:!" + PINNED_TAG + ",")
          .append(TftpLayout.SHIM_BOOT_FILE + ",," + server + "\n")
          .append("dhcp-boot=tag:" + GRUB_UEFI_TAG + ",")
          .append(TftpLayout.SHIM_BOOT_FILE + ",," + server + "\n");
    }
    if (IpxeLayout.used(specs)) {
      out.append(
              "# iPXE says so in its user class (option 77): a loader: ipxe host's iPXE gets its")
          .append(" script\n")
          .append("dhcp-userclass=set:" + IPXE_TAG + "," + IpxeLayout.USER_CLASS + "\n");
    }
    for (Network network : specs.networks()) {
      String tag = "netroot-" + DhcpValues.name(network, FILE, TAG_EFFECT);
      out.append("\n# network ").append(network.name()).append('\n');
      out.append("dhcp-range=set:").append(tag).append(',');
      if (network.dynamicRange() != null) {
        out.append(network.dynamicRange().start()).append(',').append(network.dynamicRange().end());
      } else {
        out.append(network.subnet().network()).append(",static");
      }
      out.append(',').append(network.subnet().netmask()).append('\n');
      option(out, tag, "router", addresses(network.routers()));
      option(out, tag, "dns-server", addresses(network.dnsServers()));
      if (network.domainName() != null) {
        option(out, tag, "domain-name", quoted(DhcpValues.domainName(network, FILE)));
      }
      String unpinned = "dhcp-boot=tag:" + tag + ",tag:%s" + EFI_TAG + ",tag:!" + PINNED_TAG;
      out.append(unpinned.formatted(""))
          .append(grub ? ",tag:!" + GRUB_TAG : "")
          .append("," + TftpLayout.EFI_BOOT_FILE + ",," + server + "\n")
          .append(unpinned.formatted("!"))
          .append("," + TftpLayout.BIOS_BOOT_FILE + ",," + server + "\n");
      hosts.of(network).forEach(host -> host(out, host));
    }
    if (!hosts.outside().isEmpty()) {
      // Only reachable with specs that were not validated: keep the hosts visible.
      out.append("\n# hosts outside every network above\n");
      hosts.outside().forEach(host -> host(out, host));
    }
    return out.toString();
  }

  private void host(StringBuilder out, Host host) {
    String name = DhcpValues.name(host, FILE, "would end the host's line and start another field");
    String mac = DhcpValues.mac(host, FILE);
    String hostTag = "netroot-host-" + mac.replace(":", "");
    boolean nodeName = DhcpdConfRenderer.isNodeName(name);
    boolean dotted = nodeName && name.indexOf('.') >= 0;
    if (!nodeName) {
      out.append("# host ").append(name).append('\n');
    }
    out.append("dhcp-host=").append(mac);
    Profile profile = specs.profileOf(host);
    Firmware firmware = host.firmwareWith(profile);
    boolean grub = profile != null && profile.loader() == Loader.GRUB;
    boolean ipxe = IpxeLayout.boots(specs, host);
    if (ipxe) {
      // its own dhcp-boot lines below; the network's exclude it as a pinned host
      out.append(",set:" + PINNED_TAG);
    } else if (firmware != Firmware.AUTO) {
      out.append(",set:" + PINNED_TAG + ",set:")
          .append(
              firmware == Firmware.BIOS ? "netroot-bios" : grub ? GRUB_UEFI_TAG : "netroot-uefi");
    } else if (grub) {
      out.append(",set:" + GRUB_TAG);
    }
    if (dotted || ipxe) {
      out.append(",set:").append(hostTag);
    }
    if (host.ip() != null) {
      out.append(',').append(host.ip());
    }
    if (nodeName && !dotted) {
      out.append(',').append(name);
    }
    out.append('\n');
    if (ipxe) {
      ipxeBoot(out, host, hostTag, firmware);
    }
    if (dotted) {
      // dnsmasq would cut a dhcp-host name at its first dot: option 12 carries the whole name
      out.append("dhcp-option=tag:").append(hostTag).append(",12,").append(quoted(name));
      out.append('\n');
    }
  }

  /**
   * A {@code loader: ipxe} host's boot files: iPXE gets its script's URL, the PXE ROM iPXE for its
   * firmware (by option 93 unless the host is pinned to one).
   */
  private void ipxeBoot(StringBuilder out, Host host, String hostTag, Firmware firmware) {
    String server = specs.server().address().toString();
    String own = "dhcp-boot=tag:" + hostTag;
    out.append(own)
        .append(",tag:" + IPXE_TAG + ",")
        .append(IpxeLayout.url(specs.server().http(), IpxeLayout.hostScript(host)))
        .append('\n');
    if (firmware == Firmware.AUTO) {
      out.append(own + ",tag:!" + IPXE_TAG + ",tag:" + EFI_TAG + ",")
          .append(IpxeLayout.EFI_LOADER + ",," + server + "\n")
          .append(own + ",tag:!" + IPXE_TAG + ",tag:!" + EFI_TAG + ",")
          .append(IpxeLayout.BIOS_LOADER + ",," + server + "\n");
    } else {
      out.append(own + ",tag:!" + IPXE_TAG + ",")
          .append(firmware == Firmware.UEFI ? IpxeLayout.EFI_LOADER : IpxeLayout.BIOS_LOADER)
          .append(",," + server + "\n");
    }
  }

  private String proxy() {
    String server = specs.server().address().toString();
    StringBuilder out = new StringBuilder(HEAD);
    out.append(
        "# proxy DHCP: another DHCP server gives the addresses, dnsmasq where to boot from\n");
    boolean ipxe = IpxeLayout.used(specs);
    if (ipxe) {
      out.append("# the hosts of loader: ipxe profiles, and iPXE by its user class (option 77)\n")
          .append("dhcp-userclass=set:" + IPXE_TAG + "," + IpxeLayout.USER_CLASS + "\n");
      for (Host host : specs.hosts()) {
        if (IpxeLayout.boots(specs, host)) {
          out.append("dhcp-mac=set:" + IPXE_HOST_TAG + ",")
              .append(DhcpValues.mac(host, FILE))
              .append('\n');
        }
      }
      // proxy DHCP has no per-host line: iPXE gets the script that chains its host's
      out.append("dhcp-boot=tag:" + IPXE_HOST_TAG + ",tag:" + IPXE_TAG + ",")
          .append(IpxeLayout.url(specs.server().http(), IpxeLayout.BOOT_SCRIPT))
          .append('\n');
    }
    for (Network network : specs.networks()) {
      String tag = "netroot-" + DhcpValues.name(network, FILE, TAG_EFFECT);
      out.append("\n# network ").append(network.name()).append('\n');
      out.append("dhcp-range=set:")
          .append(tag)
          .append(',')
          .append(network.subnet().network())
          .append(",proxy,")
          .append(network.subnet().netmask())
          .append('\n');
      for (String[] service :
          List.of(
              new String[] {"x86PC", TftpLayout.BIOS_BOOT_FILE, IpxeLayout.BIOS_LOADER},
              new String[] {"x86-64_EFI", TftpLayout.EFI_BOOT_FILE, IpxeLayout.EFI_LOADER},
              new String[] {"BC_EFI", TftpLayout.EFI_BOOT_FILE, IpxeLayout.EFI_LOADER})) {
        if (ipxe) {
          // a loader: ipxe host's PXE ROM gets iPXE; iPXE itself no menu, only dhcp-boot's URL
          out.append("pxe-service=tag:")
              .append(tag)
              .append(",tag:" + IPXE_HOST_TAG + ",tag:!" + IPXE_TAG + ",")
              .append(service[0])
              .append(",\"netroot iPXE\",")
              .append(service[2])
              .append(',')
              .append(server)
              .append('\n');
        }
        out.append("pxe-service=tag:")
            .append(tag)
            .append(ipxe ? ",tag:!" + IPXE_HOST_TAG : "")
            .append(',')
            .append(service[0])
            .append(",\"netroot\",")
            .append(service[1])
            .append(',')
            .append(server)
            .append('\n');
      }
    }
    return out.toString();
  }

  /** A DHCP option of one network; an empty value makes dnsmasq send none of its own. */
  private static void option(StringBuilder out, String tag, String option, String value) {
    out.append("dhcp-option=tag:").append(tag).append(",option:").append(option);
    if (!value.isEmpty()) {
      out.append(',').append(value);
    }
    out.append('\n');
  }

  private static String addresses(List<Ipv4> addresses) {
    return String.join(",", addresses.stream().map(Ipv4::toString).toList());
  }

  /**
   * A text value in double quotes, so that dnsmasq reads it as text (a value of digits and dots
   * would be an address); the callers' values hold no quote or backslash.
   */
  private static String quoted(String text) {
    return '"' + text + '"';
  }
}
