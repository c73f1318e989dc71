package io.netroot.spec;

/**
 * One diskless machine: its NIC's MAC, the fixed address it gets, and the profile it boots.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: Host
 * metadata: {name: devboard}
 * spec:
 *   mac: 08:00:2b:4c:59:23
 *   ip: 10.0.0.222            # required with dhcp.mode full; see ipReservedElsewhere for proxy
 *   profile: nfs-centos55
 *   firmware: uefi       # optional: bios | uefi | auto; default: the profile's
 * }</pre>
 *
 * @param ip the address netroot reserves for it; {@code null} only with {@code dhcp.mode: proxy},
 *     where another DHCP server gives the addresses
 * @param firmware this host's firmware, or {@code null} to follow the profile
 * @param ipReservedElsewhere in proxy mode, the host says the DHCP server netroot does not manage
 *     reserves {@code ip} for it (netroot cannot see to that; it only checks the address)
 */
public record Host(
    String name,
    MacAddress mac,
    Ipv4 ip,
    String profile,
    Firmware firmware,
    boolean ipReservedElsewhere,
    Origin origin)
    implements SpecDocument {

  /** A host whose address netroot reserves (or that has none, in proxy mode). */
  public Host(
      String name, MacAddress mac, Ipv4 ip, String profile, Firmware firmware, Origin origin) {
    this(name, mac, ip, profile, firmware, false, origin);
  }

  /** This host's firmware if it names one, else that of the profile it boots (may be null). */
  public Firmware firmwareWith(Profile profile) {
    if (firmware != null) {
      return firmware;
    }
    return profile == null ? Firmware.AUTO : profile.firmware();
  }

  /** A host that boots with whatever firmware its profile says. */
  public Host(String name, MacAddress mac, Ipv4 ip, String profile, Origin origin) {
    this(name, mac, ip, profile, null, origin);
  }
}
