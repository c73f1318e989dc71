package io.netroot.catalog;

import io.netroot.spec.BootServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NFS server's own settings, when the BootServer spec sets {@code nfs.versions} or {@code
 * nfs.udp}: the matching keys of {@code [nfsd]} in {@code nfs.conf}, then the versions the running
 * nfsd serves (only when {@code nfs.versions} is set; {@code /proc/fs/nfsd/versions} does not show
 * transports). Both notify a restart of the NFS server.
 */
public final class NfsServerResources {

  private NfsServerResources() {}

  /** The resources, in order; none when the spec leaves the NFS server's settings alone. */
  public static List<Resource> of(BootServer server, ServerLayout layout) {
    BootServer.Nfs nfs = server.nfs();
    if (nfs == null || (nfs.versions() == null && nfs.udp() == null)) {
      return List.of();
    }
    Map<String, Boolean> versions = versions(nfs.versions());
    Map<String, String> keys = new LinkedHashMap<>();
    versions.forEach((version, on) -> keys.put("vers" + version, yesNo(on)));
    if (nfs.udp() != null) {
      keys.put("udp", yesNo(nfs.udp()));
      keys.put("tcp", "y");
    }
    List<Resource> resources = new ArrayList<>();
    IniKeys conf =
        new IniKeys(
            layout.nfsConfFile(),
            "NFS server versions and transports ([nfsd] " + String.join(", ", keys.keySet()) + ")",
            "nfsd",
            keys,
            List.of(),
            List.of(ServiceAction.restart(layout.nfsService())));
    resources.add(conf);
    if (!versions.isEmpty()) {
      resources.add(new NfsdVersions(versions, layout.nfsService(), List.of(conf.id())));
    }
    return resources;
  }

  /** The versions the spec sets, by nfsd's number for them, in nfsd's order. */
  static Map<String, Boolean> versions(BootServer.NfsVersions spec) {
    Map<String, Boolean> versions = new LinkedHashMap<>();
    if (spec == null) {
      return versions;
    }
    putIfSet(versions, "2", spec.v2());
    putIfSet(versions, "3", spec.v3());
    putIfSet(versions, "4", spec.v4());
    putIfSet(versions, "4.1", spec.v41());
    putIfSet(versions, "4.2", spec.v42());
    return versions;
  }

  private static void putIfSet(Map<String, Boolean> versions, String version, Boolean on) {
    if (on != null) {
      versions.put(version, on);
    }
  }

  private static String yesNo(boolean on) {
    return on ? "y" : "n";
  }
}
