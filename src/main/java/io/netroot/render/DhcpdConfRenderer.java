package io.netroot.render;

import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Loader;
import io.netroot.spec.Network;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecDocument;
import io.netroot.spec.SpecSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The netroot block of dhcpd.conf (ISC dhcpd 4.4): one {@code subnet} declaration per network, in
 * spec order, telling PXE clients where the boot server is, each holding the {@code host}
 * declarations of the hosts whose address lies in it.
 *
 * <p>Rendering is one pass over the hosts to find each one's network ({@link SpecSet#networkOf}, an
 * indexed lookup) and one pass to write, into a single builder, so it stays linear for tens of
 * thousands of hosts.
 *
 * <p>Spec text reaches the file in three places, each kept as data: a host name is written as an
 * identifier only when dhcpd's lexer reads it as one ({@link #isDhcpdHostName}); network and host
 * names in comments may not hold a line break, which would end the comment; the domain name is a
 * quoted string with {@code "} and {@code \} escaped, and may not hold control characters, which
 * would reach every client's resolver. A value that does not fit is refused with an {@link
 * UnsafeValueException}.
 */
public final class DhcpdConfRenderer {

  /** The boot loader BIOS PXE clients ask the TFTP server for. */
  static final String BOOT_FILE = TftpLayout.BIOS_BOOT_FILE;

  /** The boot loader x86-64 UEFI clients ask for. */
  static final String EFI_BOOT_FILE = TftpLayout.EFI_BOOT_FILE;

  /**
   * DHCP option 93 (RFC 4578), the client's architecture, under the name the conditions below use.
   * It is declared once, at the top of the block, so that it comes before any use.
   */
  static final String ARCH_OPTION =
      "# DHCP option 93, the client system architecture (RFC 4578): 0 BIOS, 7 and 9 x86-64 UEFI\n"
          + "option arch code 93 = unsigned integer 16;\n";

  static final String FILE = "dhcpd.conf";

  /** The most bytes a DHCP option carries (RFC 2132: a one-byte length). */
  static final int MAX_OPTION_BYTES = 255;

  /** The longest host name written as such (a DNS name); dhcpd cuts longer tokens. */
  static final int MAX_HOST_NAME = 253;

  private static final SafeText.Rule COMMENT =
      c ->
          SafeText.isLineBreakOrControl(c)
              ? SafeText.lineBreakOrControl(
                  c, "would end the comment, and dhcpd would read what follows as configuration")
              : null;

  private static final SafeText.Rule DOMAIN_NAME =
      c ->
          SafeText.isLineBreakOrControl(c)
              ? SafeText.lineBreakOrControl(
                  c, "has no place in a domain name, which every client writes into its resolver")
              : null;

  private static final Pattern NODE_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private final SpecSet specs;

  public DhcpdConfRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * The text inside the managed block of dhcpd.conf; every line ends with {@code \n}.
   *
   * @throws UnsafeValueException when a name or the domain name cannot be written as data
   */
  public String blockBody() {
    List<Network> networks = specs.networks();
    List<Host> hosts = specs.hosts();
    int networkCount = networks.size();

    // Counting sort of the hosts by network, keeping spec order within each network. Slot
    // networkCount collects hosts outside every network.
    Map<Network, Integer> position = new IdentityHashMap<>(networkCount);
    for (int n = 0; n < networkCount; n++) {
      position.put(networks.get(n), n);
    }
    int[] networkOf = new int[hosts.size()];
    int[] firstSlot = new int[networkCount + 3];
    for (int i = 0; i < networkOf.length; i++) {
      Network network = specs.networkOf(hosts.get(i));
      networkOf[i] = network == null ? networkCount : position.get(network);
      firstSlot[networkOf[i] + 2]++;
    }
    for (int n = 2; n < firstSlot.length; n++) {
      firstSlot[n] += firstSlot[n - 1];
    }
    int[] byNetwork = new int[networkOf.length];
    for (int i = 0; i < networkOf.length; i++) {
      byNetwork[firstSlot[networkOf[i] + 1]++] = i;
    }
    // firstSlot[n] is now where network n's hosts start, firstSlot[n + 1] where they end.

    StringBuilder out = new StringBuilder(512 * networkCount + 110 * hosts.size() + 256);
    String serverAddress = specs.server().address().toString();
    out.append(ARCH_OPTION);
    for (int n = 0; n < networkCount; n++) {
      out.append('\n');
      Network network = networks.get(n);
      out.append("# network ").append(comment(network, "metadata.name", network.name()));
      out.append('\n');
      out.append("subnet ")
          .append(network.subnet().network())
          .append(" netmask ")
          .append(network.subnet().netmask())
          .append(" {\n");
      if (network.dynamicRange() != null) {
        out.append("  range dynamic-bootp ")
            .append(network.dynamicRange().start())
            .append(' ')
            .append(network.dynamicRange().end())
            .append(";\n");
      }
      appendAddressOption(out, "routers", network.routers());
      appendAddressOption(out, "domain-name-servers", network.dnsServers());
      if (network.domainName() != null) {
        out.append("  option domain-name ");
        appendQuoted(out, domainName(network));
        out.append(";\n");
      }
      out.append("  next-server ").append(serverAddress).append(";\n");
      // The two raw bytes of option 93: 00:07 and 00:09 are the x86-64 UEFI architectures.
      out.append("  if option arch = 00:07 or option arch = 00:09 {\n")
          .append("    filename \"")
          .append(EFI_BOOT_FILE)
          .append("\";\n")
          .append("  } else {\n")
          .append("    filename \"")
          .append(BOOT_FILE)
          .append("\";\n")
          .append("  }\n");
      for (int slot = firstSlot[n]; slot < firstSlot[n + 1]; slot++) {
        out.append('\n');
        Host host = hosts.get(byNetwork[slot]);
        appendHost(out, "  ", host, specs.profileOf(host), ipxeScript(host));
      }
      out.append("}\n");
    }
    if (firstSlot[networkCount] < firstSlot[networkCount + 1]) {
      // Only reachable with specs that were not validated: keep the hosts visible rather than
      // dropping them. dhcpd accepts host declarations outside any subnet.
      out.append(networkCount > 0 ? "\n" : "").append("# hosts outside every network above\n");
      for (int slot = firstSlot[networkCount]; slot < firstSlot[networkCount + 1]; slot++) {
        Host host = hosts.get(byNetwork[slot]);
        appendHost(out, "", host, specs.profileOf(host), ipxeScript(host));
      }
    }
    return out.toString();
  }

  private static void appendAddressOption(StringBuilder out, String option, List<Ipv4> addresses) {
    if (addresses.isEmpty()) {
      return;
    }
    out.append("  option ").append(option).append(' ');
    for (int i = 0; i < addresses.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(addresses.get(i));
    }
    out.append(";\n");
  }

  /** The URL of the host's iPXE script when it boots through iPXE, else {@code null}. */
  private String ipxeScript(Host host) {
    return IpxeLayout.boots(specs, host)
        ? IpxeLayout.url(specs.server().http(), IpxeLayout.hostScript(host))
        : null;
  }

  /**
   * @param ipxeScript the URL of the host's iPXE script, or {@code null} when it boots pxelinux or
   *     GRUB
   */
  private static void appendHost(
      StringBuilder out, String indent, Host host, Profile profile, String ipxeScript) {
    Firmware firmware = host.firmwareWith(profile);
    boolean grub = profile != null && profile.loader() == Loader.GRUB;
    String name = host.name();
    if (!isDhcpdHostName(name)) {
      out.append(indent).append("# host ").append(comment(host, "metadata.name", name));
      out.append('\n');
      name = "netroot-" + host.mac().text().replace(':', '-');
    }
    out.append(indent).append("host ").append(name).append(" {\n");
    out.append(indent).append("  hardware ethernet ").append(host.mac().text()).append(";\n");
    out.append(indent).append("  fixed-address ").append(host.ip()).append(";\n");
    if (isNodeName(host.name())) {
      // Nodes that share one root image take their names from here (the initramfs sets it).
      out.append(indent).append("  option host-name \"").append(host.name()).append("\";\n");
    }
    if (ipxeScript != null) {
      appendIpxe(out, indent + "  ", firmware, ipxeScript);
    } else if (firmware == Firmware.AUTO && grub) {
      // loader: grub: over UEFI the signed shim; over BIOS pxelinux, from the subnet.
      out.append(indent)
          .append("  if option arch = 00:07 or option arch = 00:09 {\n")
          .append(indent)
          .append("    filename \"")
          .append(TftpLayout.SHIM_BOOT_FILE)
          .append("\";\n")
          .append(indent)
          .append("  }\n");
    } else if (firmware != Firmware.AUTO) {
      // Pinned to one firmware: the host gets that boot loader whatever option 93 says.
      out.append(indent)
          .append("  filename \"")
          .append(
              firmware == Firmware.BIOS
                  ? BOOT_FILE
                  : grub ? TftpLayout.SHIM_BOOT_FILE : EFI_BOOT_FILE)
          .append("\";\n");
    }
    out.append(indent).append("}\n");
  }

  /**
   * A host of a {@code loader: ipxe} profile: iPXE itself (its user class, option 77, says {@value
   * IpxeLayout#USER_CLASS}) gets its script over HTTP; the PXE ROM gets iPXE for its firmware. The
   * host's statements come after its subnet's, so its {@code filename} wins.
   */
  private static void appendIpxe(
      StringBuilder out, String indent, Firmware firmware, String ipxeScript) {
    out.append(indent)
        .append("if exists user-class and option user-class = \"")
        .append(IpxeLayout.USER_CLASS)
        .append("\" {\n")
        .append(indent)
        .append("  filename \"")
        .append(ipxeScript)
        .append("\";\n");
    switch (firmware) {
      case AUTO ->
          out.append(indent)
              .append("} elsif option arch = 00:07 or option arch = 00:09 {\n")
              .append(indent)
              .append("  filename \"" + IpxeLayout.EFI_LOADER + "\";\n")
              .append(indent)
              .append("} else {\n")
              .append(indent)
              .append("  filename \"" + IpxeLayout.BIOS_LOADER + "\";\n");
      case UEFI, BIOS ->
          out.append(indent)
              .append("} else {\n")
              .append(indent)
              .append("  filename \"")
              .append(firmware == Firmware.UEFI ? IpxeLayout.EFI_LOADER : IpxeLayout.BIOS_LOADER)
              .append("\";\n");
    }
    out.append(indent).append("}\n");
  }

  /**
   * Whether {@code name} is a host name a node can take (RFC 1123): dot-separated labels of 1 to 63
   * letters, digits and {@code -}, not starting or ending with {@code -}; at most 253 bytes. Only
   * such a name is sent as DHCP option 12; it is then data in a quoted string that holds no quote,
   * backslash or control character.
   */
  static boolean isNodeName(String name) {
    return name.length() <= MAX_HOST_NAME
        && name.matches(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  }

  /**
   * Whether dhcpd's lexer reads {@code name} as a host name. It takes dot-separated labels of
   * letters, digits, {@code -} and {@code _}, but a label must not be empty nor start with {@code
   * _} (checked against dhcpd 4.4.3; a quoted name is not accepted either), nor be longer than a
   * DNS name ({@value #MAX_HOST_NAME}). Other names get a name made from the MAC instead, with the
   * spec name in a comment.
   */
  static boolean isDhcpdHostName(String name) {
    if (name.isEmpty() || name.length() > MAX_HOST_NAME) {
      return false;
    }
    boolean labelStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelStart) {
          return false;
        }
        labelStart = true;
        continue;
      }
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && c != '-' && (c != '_' || labelStart)) {
        return false;
      }
      labelStart = false;
    }
    return !labelStart;
  }

  /**
   * The domain name, checked: no control characters, and at most the 255 bytes a DHCP option holds
   * (dhcpd's lexer would also cut a longer string and read its rest as configuration).
   */
  private static String domainName(Network network) {
    String name = network.domainName();
    SafeText.check(network, "spec.domainName", name, FILE, DOMAIN_NAME);
    int bytes = SafeText.utf8Length(name, 0, name.length());
    if (bytes > MAX_OPTION_BYTES) {
      throw UnsafeValueException.refuse(
          network,
          "spec.domainName",
          name,
          FILE,
          "it is " + bytes + " bytes long and a DHCP option holds at most " + MAX_OPTION_BYTES);
    }
    return name;
  }

  /** Text for the rest of a {@code #} line. */
  private static String comment(SpecDocument document, String field, String text) {
    return SafeText.check(document, field, text, FILE, COMMENT);
  }

  /** A dhcpd string: double quotes, with {@code "} and {@code \} escaped by a backslash. */
  private static void appendQuoted(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
