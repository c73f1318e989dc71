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
    REEXPORT,
    /** systemd re-reads unit files and drop-ins ({@code systemctl daemon-reload}). */
    DAEMON_RELOAD
  }

  public static ServiceAction restart(String service) {
    return new ServiceAction(Kind.RESTART, service);
  }

  public static ServiceAction reexport(String service) {
    return new ServiceAction(Kind.REEXPORT, service);
  }

  /** systemd re-reads its unit files, before a changed unit is restarted. */
  public static ServiceAction daemonReload() {
    return new ServiceAction(Kind.DAEMON_RELOAD, "systemd");
  }

  /** A line for people: {@code restart isc-dhcp-server}, {@code exportfs -ra}. */
  public String describe() {
    return switch (kind) {
      case RESTART -> "restart " + service;
      case REEXPORT -> "exportfs -ra (" + service + ")";
      case DAEMON_RELOAD -> "systemctl daemon-reload";
    };
  }
}
