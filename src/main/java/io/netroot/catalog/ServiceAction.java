package io.netroot.catalog;

import io.netroot.os.ServiceBackend;

/**
 * What a service must do after its configuration changed, and, when netroot changes which daemon
 * serves something (a DHCP server replaced by another), which daemon stops and which starts.
 *
 * @param kind restart the service, reload it, re-read the NFS exports…
 * @param service the service name ({@code isc-dhcp-server}, {@code nfs-kernel-server})
 */
public record ServiceAction(Kind kind, String service) {

  /** The ways a daemon is told about new configuration, or started and stopped. */
  public enum Kind {
    RESTART,
    REEXPORT,
    /** systemd re-reads unit files and drop-ins ({@code systemctl daemon-reload}). */
    DAEMON_RELOAD,
    /**
     * The running daemon re-reads its configuration without a restart (SIGHUP to its main process),
     * so it keeps its leases and sockets: Kea.
     */
    RELOAD,
    /** Stopped now and not started at boot: a daemon another one replaces. */
    DISABLE_NOW,
    /** Started now and at boot: the daemon that replaces another. */
    ENABLE_NOW
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

  /** The running daemon re-reads its configuration, without a restart. */
  public static ServiceAction reload(String service) {
    return new ServiceAction(Kind.RELOAD, service);
  }

  /** The daemon stops and is not started at boot any more. */
  public static ServiceAction disableNow(String service) {
    return new ServiceAction(Kind.DISABLE_NOW, service);
  }

  /** The daemon starts now and at boot. */
  public static ServiceAction enableNow(String service) {
    return new ServiceAction(Kind.ENABLE_NOW, service);
  }

  /** A line for people: {@code restart isc-dhcp-server}, {@code exportfs -ra}. */
  public String describe() {
    return switch (kind) {
      case RESTART -> "restart " + service;
      case REEXPORT -> "exportfs -ra (" + service + ")";
      case DAEMON_RELOAD -> "systemctl daemon-reload";
      case RELOAD -> "reload " + service;
      case DISABLE_NOW -> "stop and disable " + service;
      case ENABLE_NOW -> "enable and start " + service;
    };
  }

  /**
   * Does it, through {@code services}: each kind knows its call, so the engine that runs the owed
   * actions need not.
   *
   * @throws io.netroot.NetrootException when the service manager refuses
   */
  public void runOn(ServiceBackend services) {
    switch (kind) {
      case RESTART -> services.restart(service);
      case REEXPORT -> services.reexport();
      case DAEMON_RELOAD -> services.daemonReload();
      case RELOAD -> services.reload(service);
      case DISABLE_NOW -> services.disableNow(service);
      case ENABLE_NOW -> services.enableNow(service);
    }
  }
}
