package io.netroot.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Loader;
import io.netroot.spec.Network;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * netroot's block inside the {@code Dhcp4} map of Kea's {@code kea-dhcp4.conf} (Kea 2.2): what the
 * dhcpd renderer declares, as Kea members. A client class picks the UEFI boot loader by DHCP option
 * 93; one {@code subnet4} entry per network, in spec order, with its pool, options, the boot server
 * as {@code next-server}, the BIOS boot loader, and a reservation per host in it.
 *
 * <p>Each member is followed by a comma, as in Kea's own include example: the admin's members
 * (interfaces, lease database, logging) come after the block.
 *
 * <p>Boot files follow Kea's precedence (subnet, then client class, then reservation): the subnet
 * names the BIOS loader, the class {@value #EFI_CLASS} the UEFI one for clients whose option 93 is
 * 7 or 9, and a host pinned to one firmware its loader in its reservation. The class is evaluated
 * only for netroot's subnets ({@code only-if-required}, listed in each subnet's {@code
 * require-client-classes}), as dhcpd's condition lives inside each netroot subnet.
 *
 * <p>A subnet's {@code id} is its network address as a number: Kea keeps each lease with its
 * subnet's id, so the id stays when networks are added, removed or reordered. Networks do not
 * overlap, so no two share one.
 *
 * <p>The JSON is written by Jackson; spec text reaches it only as string values, each checked by
 * {@link DhcpValues} or written only when it is a plain host name.
 */
public final class KeaConfigRenderer {

  static final String FILE = "kea-dhcp4.conf";

  /** The client class of x86-64 UEFI clients. */
  static final String EFI_CLASS = "netroot-efi64";

  /** The class the reservations of hosts of {@code loader: grub} profiles give. */
  static final String GRUB_CLASS = "netroot-grub";

  /** The class of those hosts booting over x86-64 UEFI: they get the signed shim. */
  static final String GRUB_EFI_CLASS = "netroot-grub-efi64";

  /** Option 93 as its two raw bytes: 00 07 and 00 09 are the x86-64 UEFI architectures. */
  static final String EFI_TEST = "option[93].hex == 0x0007 or option[93].hex == 0x0009";

  /** The class a {@code loader: ipxe} host's reservation puts it in. */
  static final String IPXE_HOST_CLASS = "netroot-ipxe-host";

  /** iPXE's user class (option 77), as Kea compares the option's bytes. */
  static final String IPXE_TEST = "substring(option[77].hex,0,4) == 'iPXE'";

  private static final String HEAD =
      "# Kea members of the Dhcp4 map; your own members follow the block.\n"
          + "# DHCP option 93, the client system architecture (RFC 4578): 7 and 9 x86-64 UEFI\n";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Four spaces per level, {@code "key": value}, every array element on its own line. */
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  private final SpecSet specs;

  public KeaConfigRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * The text inside the managed block; every line ends with {@code \n}.
   *
   * @throws UnsafeValueException when a name or the domain name cannot be written as data
   */
  public String blockBody() {
    HostsByNetwork hosts = HostsByNetwork.of(specs);
    String server = specs.server().address().toString();
    ObjectNode members = NODES.objectNode();
    ArrayNode classes = members.putArray("client-classes");
    boolean grub = specs.hosts().stream().anyMatch(this::grubOverUefi);
    if (grub) {
      // Assigned by the reservations of hosts whose profile boots through GRUB; defined first,
      // as a class must be before a test names it.
      classes.addObject().put("name", GRUB_CLASS);
      ObjectNode shim = classes.addObject();
      shim.put("name", GRUB_EFI_CLASS);
      shim.put("test", "member('" + GRUB_CLASS + "') and (" + EFI_TEST + ")");
      shim.put("only-if-required", true);
      shim.put("boot-file-name", TftpLayout.SHIM_BOOT_FILE);
    }
    boolean ipxe = IpxeLayout.used(specs);
    String isIpxeHost = "member('" + IPXE_HOST_CLASS + "')";
    if (ipxe) {
      // Reserved for the hosts of loader: ipxe profiles; the required classes below test it.
      classes.addObject().put("name", IPXE_HOST_CLASS);
    }
    ObjectNode efi = classes.addObject();
    efi.put("name", EFI_CLASS);
    String efiTest = EFI_TEST;
    if (grub || ipxe) {
      // the hosts of GRUB and iPXE profiles get their UEFI file from their own classes
      efiTest = "(" + EFI_TEST + ")";
      if (grub) {
        efiTest += " and not member('" + GRUB_CLASS + "')";
      }
      if (ipxe) {
        efiTest += " and not " + isIpxeHost;
      }
    }
    efi.put("test", efiTest);
    efi.put("only-if-required", true);
    efi.put("boot-file-name", TftpLayout.EFI_BOOT_FILE);
    if (ipxe) {
      // iPXE gets the script that chains its host's (a class cannot name one host's); its PXE
      // ROM gets iPXE, so that iPXE never gets iPXE again.
      ipxeClass(
          classes,
          "netroot-ipxe-http",
          isIpxeHost + " and " + IPXE_TEST,
          IpxeLayout.url(specs.server().http(), IpxeLayout.BOOT_SCRIPT));
      ipxeClass(
          classes,
          "netroot-ipxe-efi64",
          isIpxeHost + " and not (" + IPXE_TEST + ") and (" + EFI_TEST + ")",
          IpxeLayout.EFI_LOADER);
      ipxeClass(
          classes,
          "netroot-ipxe-bios",
          isIpxeHost + " and not (" + IPXE_TEST + ") and not (" + EFI_TEST + ")",
          IpxeLayout.BIOS_LOADER);
    }
    ArrayNode subnets = members.putArray("subnet4");
    for (Network network : specs.networks()) {
      subnets.add(subnet(network, server, hosts.of(network), grub, ipxe));
    }
    if (!hosts.outside().isEmpty()) {
      // Only reachable with specs that were not validated: global reservations keep them visible.
      ArrayNode global = members.putArray("reservations");
      hosts.outside().forEach(host -> global.add(reservation(host)));
    }
    StringBuilder out = new StringBuilder(HEAD);
    Iterator<Map.Entry<String, JsonNode>> each = members.fields();
    while (each.hasNext()) {
      Map.Entry<String, JsonNode> member = each.next();
      out.append(json(NODES.textNode(member.getKey())))
          .append(": ")
          .append(json(member.getValue()))
          .append(",\n");
    }
    return out.toString();
  }

  /** Whether {@code host} boots through GRUB when it boots over UEFI, by option 93. */
  private boolean grubOverUefi(Host host) {
    Profile profile = specs.profileOf(host);
    return profile != null
        && profile.loader() == Loader.GRUB
        && host.firmwareWith(profile) == Firmware.AUTO;
  }

  private static void ipxeClass(ArrayNode classes, String name, String test, String file) {
    ObjectNode each = classes.addObject();
    each.put("name", name);
    each.put("test", test);
    each.put("only-if-required", true);
    each.put("boot-file-name", file);
  }

  private ObjectNode subnet(
      Network network, String server, List<Host> hosts, boolean grub, boolean ipxe) {
    ObjectNode subnet = NODES.objectNode();
    subnet.put("id", network.subnet().network().unsigned());
    subnet.put(
        "comment", "network " + DhcpValues.name(network, FILE, "is not written into a comment"));
    subnet.put("subnet", network.subnet().toString());
    if (network.dynamicRange() != null) {
      subnet
          .putArray("pools")
          .addObject()
          .put("pool", network.dynamicRange().start() + " - " + network.dynamicRange().end());
    }
    ArrayNode options = NODES.arrayNode();
    addresses(options, "routers", network.routers());
    addresses(options, "domain-name-servers", network.dnsServers());
    if (network.domainName() != null) {
      options
          .addObject()
          .put("name", "domain-name")
          .put("data", DhcpValues.domainName(network, FILE));
    }
    if (!options.isEmpty()) {
      subnet.set("option-data", options);
    }
    subnet.put("next-server", server);
    subnet.put("boot-file-name", TftpLayout.BIOS_BOOT_FILE);
    ArrayNode required = subnet.putArray("require-client-classes");
    if (grub) {
      required.add(GRUB_EFI_CLASS);
    }
    required.add(EFI_CLASS);
    if (ipxe) {
      required.add("netroot-ipxe-http").add("netroot-ipxe-efi64").add("netroot-ipxe-bios");
    }
    if (!hosts.isEmpty()) {
      ArrayNode reservations = subnet.putArray("reservations");
      hosts.forEach(host -> reservations.add(reservation(host)));
    }
    return subnet;
  }

  private ObjectNode reservation(Host host) {
    ObjectNode reservation = NODES.objectNode();
    reservation.put(
        "comment", "host " + DhcpValues.name(host, FILE, "is not written into a comment"));
    reservation.put("hw-address", DhcpValues.mac(host, FILE));
    if (host.ip() != null) {
      reservation.put("ip-address", host.ip().toString());
    }
    if (DhcpdConfRenderer.isNodeName(host.name())) {
      // Kea sends it as option 12 when the client sends or asks for it, as dhcpd does.
      reservation.put("hostname", host.name());
    }
    Profile profile = specs.profileOf(host);
    Firmware firmware = host.firmwareWith(profile);
    boolean grub = profile != null && profile.loader() == Loader.GRUB;
    if (IpxeLayout.boots(specs, host)) {
      // its boot file comes from the iPXE classes, which a reservation's file would override
      reservation.putArray("client-classes").add(IPXE_HOST_CLASS);
    } else if (firmware != Firmware.AUTO) {
      // Pinned to one firmware: the reservation's file wins over the subnet's and the class's.
      reservation.put(
          "boot-file-name",
          firmware == Firmware.BIOS
              ? TftpLayout.BIOS_BOOT_FILE
              : grub ? TftpLayout.SHIM_BOOT_FILE : TftpLayout.EFI_BOOT_FILE);
    } else if (grub) {
      reservation.putArray("client-classes").add(GRUB_CLASS);
    }
    return reservation;
  }

  private static void addresses(ArrayNode options, String name, List<Ipv4> addresses) {
    if (!addresses.isEmpty()) {
      options
          .addObject()
          .put("name", name)
          .put("data", String.join(", ", addresses.stream().map(Ipv4::toString).toList()));
    }
  }

  private static String json(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of nodes always writes", e);
    }
  }
}
