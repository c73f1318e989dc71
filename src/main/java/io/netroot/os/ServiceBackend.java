package io.netroot.os;

/**
 * How netroot reaches services. On a real boot server this is systemd; under a root prefix nothing
 * outside the prefix is touched, unless the user asks for systemd explicitly ({@code --services
 * systemd}, for a root that is a real system mounted elsewhere).
 */
public interface ServiceBackend {

  /** Whether actions really reach services (false under a root prefix). */
  boolean touchesServices();

  /** Restarts a service so it reads its new configuration. */
  void restart(String service);

  /** Makes the NFS server re-read its exports ({@code exportfs -ra}). */
  void reexport();

  /** Makes systemd re-read unit files and drop-ins. */
  void daemonReload();

  /**
   * Tells a running service to re-read its configuration without a restart: SIGHUP to its main
   * process. A daemon that takes SIGHUP so (Kea) keeps its leases and sockets.
   */
  void reload(String service);

  /** Whether a service is enabled at boot and running now. */
  UnitState state(String service);

  /** Enables a service at boot and starts it now. */
  void enableNow(String service);

  /** Stops a service now and disables it at boot: a daemon another one replaces. */
  void disableNow(String service);

  /**
   * What systemd says of a unit.
   *
   * @param enabled {@code systemctl is-enabled}: enabled, disabled, masked, static, not-found…
   * @param active {@code systemctl is-active}: active, inactive, failed…
   */
  record UnitState(String enabled, String active) {

    /** Enabled at boot: also static, indirect and generated units, which start on their own. */
    public boolean isEnabled() {
      return switch (enabled) {
        case "enabled", "enabled-runtime", "static", "indirect", "generated", "alias" -> true;
        default -> false;
      };
    }

    public boolean isActive() {
      return active.equals("active") || active.equals("reloading") || active.equals("activating");
    }
  }

  /** The backend for a root: systemd on {@code /}, none under a prefix. */
  static ServiceBackend forRoot(RootFs root) {
    return root.isPrefix() ? none() : systemd();
  }

  static ServiceBackend systemd() {
    return new SystemdBackend(new CommandRunner(120));
  }

  static ServiceBackend none() {
    return new NoServiceBackend();
  }
}
