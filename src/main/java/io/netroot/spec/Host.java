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
 *   ip: 10.0.0.222
 *   profile: nfs-centos55
 *   firmware: uefi       # optional: bios | uefi | auto; default: the profile's
 * }</pre>
 *
 * @param firmware this host's firmware, or {@code null} to follow the profile
 */
public record Host(
    String name, MacAddress mac, Ipv4 ip, String profile, Firmware firmware, Origin origin)
    implements SpecDocument {

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
