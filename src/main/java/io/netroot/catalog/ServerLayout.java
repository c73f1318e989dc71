package io.netroot.catalog;

import io.netroot.os.RootFs;
import io.netroot.spec.BootServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where things live on this boot server: the BootServer spec with every unset field filled in from
 * the platform's conventions ({@link Platform}), which come from the spec's {@code platform} or,
 * failing that, from the managed root's {@code /etc/os-release}.
 *
 * @param preset what plan shows: the platform and how it was chosen
 * @param modules the BIOS bootloader modules ({@code ldlinux.c32}, menu modules)
 * @param efiModules the x86-64 UEFI ones ({@code ldlinux.e64} and the same menu modules)
 * @param nfsConfFile the nfs-utils configuration whose {@code [nfsd]} keys netroot manages when the
 *     spec sets {@code nfs.versions} or {@code nfs.udp}
 */
public record ServerLayout(
    String preset,
    Platform platform,
    String tftpRoot,
    String dhcpConfig,
    String dhcpService,
    String exportsFile,
    String nfsService,
    String tftpService,
    Path pxelinuxDir,
    Path modulesDir,
    List<String> modules,
    Path efiDir,
    Path efiModulesDir,
    List<String> efiModules,
    String nfsConfFile) {

  /** Where nfs-utils reads the NFS server's settings. */
  static final String NFS_CONF_FILE = "/etc/nfs.conf";

  /** NFS-Ganesha's service, the same on Debian and Fedora. */
  static final String GANESHA_SERVICE = "nfs-ganesha";

  public ServerLayout {
    modules = List.copyOf(modules);
    efiModules = List.copyOf(efiModules);
  }

  /** Fills the fields the spec left out, from the platform of {@code root}. */
  public static ServerLayout resolve(BootServer server, RootFs root) {
    Platform platform;
    String preset;
    if (server.platform() != null) {
      platform = Platform.named(server.platform());
      preset = platform.word() + " (set in the BootServer spec)";
    } else {
      OsRelease release = OsRelease.read(root);
      if (release.file() == null && root.isPrefix()) {
        // An empty root prefix renders for this machine's distribution.
        release = OsRelease.read(RootFs.system()).fromThisMachine();
      }
      java.util.Optional<Platform> detected = Platform.of(release);
      platform = detected.orElse(Platform.DEBIAN);
      preset =
          detected.isPresent()
              ? platform.word() + " (" + release.prettyName() + ", from " + release.file() + ")"
              : "debian (assumed: "
                  + (release.file() == null
                      ? "no /etc/os-release"
                      : "unknown distribution " + release.prettyName())
                  + "; set platform in the BootServer spec)";
    }
    BootServer.Bootloader boot = server.bootloader();
    return new ServerLayout(
        preset,
        platform,
        or(server.tftpRoot(), platform.tftpRoot),
        or(server.dhcp().config(), "/etc/dhcp/dhcpd.conf"),
        or(server.dhcp().service(), platform.dhcpService),
        or(server.nfs().exportsFile(), "/etc/exports"),
        or(server.nfs().service(), server.nfs().ganesha() ? GANESHA_SERVICE : platform.nfsService),
        or(server.tftp().service(), platform.tftpService),
        bootloaderDir(boot.pxelinuxDir(), platform, p -> p.pxelinuxDir, "pxelinux.0"),
        bootloaderDir(boot.modulesDir(), platform, p -> p.modulesDir, "ldlinux.c32"),
        boot.modules(),
        bootloaderDir(boot.efiDir(), platform, p -> p.efiDir, "syslinux.efi"),
        bootloaderDir(boot.efiModulesDir(), platform, p -> p.efiModulesDir, "ldlinux.e64"),
        boot.modules().stream().map(m -> m.equals("ldlinux.c32") ? "ldlinux.e64" : m).toList(),
        or(server.nfs().confFile(), NFS_CONF_FILE));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }

  /**
   * The spec's directory, else where the platform puts {@code file}, else the first other known
   * place holding it: the bootloader files are read on this machine, which under a root prefix may
   * be another distribution than the one being rendered.
   */
  private static Path bootloaderDir(
      String fromSpec, Platform platform, Function<Platform, String> dirOf, String file) {
    if (fromSpec != null) {
      return Path.of(fromSpec);
    }
    List<String> candidates = new ArrayList<>(List.of(dirOf.apply(platform)));
    for (Platform other : Platform.values()) {
      candidates.add(dirOf.apply(other));
    }
    return candidates.stream()
        .filter(dir -> Files.isRegularFile(Path.of(dir, file)))
        .findFirst()
        .map(Path::of)
        .orElse(Path.of(dirOf.apply(platform)));
  }

  /** The server path of a file inside the TFTP root. */
  public String tftp(String relative) {
    return tftpRoot.endsWith("/") ? tftpRoot + relative : tftpRoot + "/" + relative;
  }
}
