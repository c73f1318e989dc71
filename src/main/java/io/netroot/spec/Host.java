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
 * }</pre>
 */
public record Host(String name, MacAddress mac, Ipv4 ip, String profile, Origin origin)
    implements SpecDocument {}
