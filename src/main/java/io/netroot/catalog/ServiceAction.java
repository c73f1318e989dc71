package io.netroot.catalog;

/**
 * What a service must do after its configuration changed.
 *
 * @param kind restart the service, or re-read the NFS exports
 * @param service the service name ({@code isc-dhcp-server}, {@code nfs-kernel-server})
 */
public record ServiceAction(Kind kind, String service) {

  /** The two ways a daemon is told about new configuration. */
  public enum Kind {
    RESTART,
    REEXPORT
  }

  public static ServiceAction restart(String service) {
    return new ServiceAction(Kind.RESTART, service);
  }

  public static ServiceAction reexport(String service) {
    return new ServiceAction(Kind.REEXPORT, service);
  }

  /** A line for people: {@code restart isc-dhcp-server}, {@code exportfs -ra}. */
  public String describe() {
    return kind == Kind.RESTART ? "restart " + service : "exportfs -ra (" + service + ")";
  }
}
