package io.netroot.spec;

/** The versions and transports the server offers: the spec where set, else nfs-utils' defaults. */
record ServerNfs(boolean v2, boolean v3, boolean v4, boolean v41, boolean v42, boolean udp) {

  static ServerNfs of(BootServer server) {
    BootServer.Nfs nfs = server.nfs();
    BootServer.NfsVersions versions = nfs == null ? null : nfs.versions();
    BootServer.NfsVersions v =
        versions != null ? versions : new BootServer.NfsVersions(null, null, null, null, null);
    return new ServerNfs(
        or(v.v2(), false),
        or(v.v3(), true),
        or(v.v4(), true),
        or(v.v41(), true),
        or(v.v42(), true),
        nfs != null && nfs.udp() != null && nfs.udp());
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value != null ? value : fallback;
  }

  /** Whether the server offers {@code version}, or {@code null} for a version it cannot name. */
  Boolean offers(String version) {
    return switch (version) {
      case "2" -> v2;
      case "3" -> v3;
      case "4" -> v4;
      case "4.1" -> v4 && v41;
      case "4.2" -> v4 && v42;
      default -> null;
    };
  }

  /** The spec key of a version: {@code v4.1}. */
  static String key(String version) {
    return "v" + version;
  }

  /** {@code -2 +3 +4 +4.1 +4.2, tcp only}. */
  String describe() {
    return (v2 ? "+2" : "-2")
        + (v3 ? " +3" : " -3")
        + (v4 ? " +4" : " -4")
        + (v41 ? " +4.1" : " -4.1")
        + (v42 ? " +4.2" : " -4.2")
        + (udp ? ", tcp and udp" : ", tcp only");
  }
}
