package io.netroot.os;

/**
 * How services are told about a changed configuration. On a real boot server this is systemd; under
 * a root prefix nothing outside the prefix is touched.
 */
public interface ServiceBackend {

  /** Whether actions really reach services (false under a root prefix). */
  boolean touchesServices();

  /** Restarts a service so it reads its new configuration. */
  void restart(String service);

  /** Makes the NFS server re-read its exports ({@code exportfs -ra}). */
  void reexport();

  /** The backend for a root: systemd on {@code /}, none under a prefix. */
  static ServiceBackend forRoot(RootFs root) {
    return root.isPrefix() ? new NoServiceBackend() : new SystemdBackend(new CommandRunner(120));
  }
}
