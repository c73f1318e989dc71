package io.netroot.engine;

import io.netroot.catalog.Platform;
import io.netroot.catalog.ServerLayout;
import java.nio.file.Path;
import java.util.List;

/** A Debian-style layout for catalogs built by hand in tests. */
public final class TestLayouts {

  private TestLayouts() {}

  /** Debian paths, with every bootloader file read from {@code sources}. */
  public static ServerLayout debian(Path sources) {
    return new ServerLayout(
        "test",
        Platform.DEBIAN,
        "/srv/tftp",
        "/etc/dhcp/dhcpd.conf",
        "dhcpd",
        "/etc/exports",
        "nfs",
        "tftp",
        sources,
        sources,
        List.of(),
        sources,
        sources,
        List.of(),
        "/etc/nfs.conf",
        io.netroot.catalog.BackupLimits.DEFAULT);
  }
}
