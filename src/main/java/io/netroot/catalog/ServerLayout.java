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
 *     spec sets {@code nfs.versions} or {@code nfs.udp}: the spec's {@code nfs.confFile}, else a
 *     drop-in ({@value #NFS_CONF_DROP_IN}) when the server has {@code /etc/nfs.conf.d}, else
 *     {@value #NFS_CONF_FILE}
 * @param backups how many copies of overwritten hand edits are kept, and how long
 * @param shimFile the signed shim UEFI clients of {@code loader: grub} profiles get: the spec's
 *     {@code bootloader.shim}, else the platform's file under the root prefix when it is there,
 *     else on this machine
 * @param grubFile the signed network GRUB the shim loads, found the same way
 * @param ipxeDir where the distribution's {@code ipxe} package puts {@code undionly.kpxe} and
 *     {@code ipxe.efi} (read on this machine, as the syslinux files)
 * @param http the web server of {@code loader: ipxe}, or {@code null} when the specs have none
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
    String nfsConfFile,
    BackupLimits backups,
    Path shimFile,
    Path grubFile,
    Path ipxeDir,
    BootServer.Http http) {

  /** Where nfs-utils reads the NFS server's settings. */
  static final String NFS_CONF_FILE = "/etc/nfs.conf";

  /**
   * netroot's own file in the directory nfs-utils 2.5 and later read after {@code nfs.conf}: a key
   * set there wins over the same key in {@code nfs.conf}, so keys netroot set in {@code nfs.conf}
   * before are overridden, not contradicted. And it lives in a directory the systemd unit makes
   * writable, where {@code /etc/nfs.conf} can only be rewritten in place.
   */
  static final String NFS_CONF_DROP_IN = "/etc/nfs.conf.d/netroot.conf";

  /** NFS-Ganesha's service, the same on Debian and Fedora. */
  static final String GANESHA_SERVICE = "nfs-ganesha";

  public ServerLayout {
    modules = List.copyOf(modules);
    efiModules = List.copyOf(efiModules);
  }

  /**
   * A layout with the platform's Debian shim and GRUB files and no HTTP server, whose iPXE files
   * would be read from Debian's place.
   */
  public ServerLayout(
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
      String nfsConfFile,
      BackupLimits backups) {
    this(
        preset,
        platform,
        tftpRoot,
        dhcpConfig,
        dhcpService,
        exportsFile,
        nfsService,
        tftpService,
        pxelinuxDir,
        modulesDir,
        modules,
        efiDir,
        efiModulesDir,
        efiModules,
        nfsConfFile,
        backups,
        Path.of(platform.shimFile),
        Path.of(platform.grubFile),
        Path.of(Platform.DEBIAN.ipxeDir),
        null);
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
    DhcpBackend dhcp = DhcpBackend.of(server.dhcp().server());
    return new ServerLayout(
        preset,
        platform,
        or(server.tftpRoot(), platform.tftpRoot),
        or(server.dhcp().config(), dhcp.defaultConfig(platform)),
        or(server.dhcp().service(), dhcp.defaultService(platform)),
        or(server.nfs().exportsFile(), "/etc/exports"),
        or(server.nfs().service(), server.nfs().ganesha() ? GANESHA_SERVICE : platform.nfsService),
        or(server.tftp().service(), platform.tftpService),
        bootloaderDir(boot.pxelinuxDir(), platform, p -> p.pxelinuxDir, "pxelinux.0"),
        bootloaderDir(boot.modulesDir(), platform, p -> p.modulesDir, "ldlinux.c32"),
        boot.modules(),
        bootloaderDir(boot.efiDir(), platform, p -> p.efiDir, "syslinux.efi"),
        bootloaderDir(boot.efiModulesDir(), platform, p -> p.efiModulesDir, "ldlinux.e64"),
        boot.modules().stream().map(m -> m.equals("ldlinux.c32") ? "ldlinux.e64" : m).toList(),
        nfsConfFile(server.nfs().confFile(), root),
        BackupLimits.of(server.agent() == null ? null : server.agent().backups()),
        signedFile(boot.shim(), platform.shimFile, root),
        signedFile(boot.grub(), platform.grubFile, root),
        bootloaderDir(boot.ipxeDir(), platform, p -> p.ipxeDir, "undionly.kpxe"),
        server.http());
  }

  /**
   * The spec's file (on this machine), else the platform's file inside the root prefix when it is
   * there (a test or a chroot keeps its own), else the platform's file on this machine.
   */
  private static Path signedFile(String fromSpec, String platformFile, RootFs root) {
    if (fromSpec != null) {
      return Path.of(fromSpec);
    }
    if (root.isPrefix()) {
      Path inRoot = root.resolve(platformFile);
      if (Files.isRegularFile(inRoot)) {
        return inRoot;
      }
    }
    return Path.of(platformFile);
  }

  /**
   * The spec's file, else netroot's drop-in when {@code /etc/nfs.conf.d} is a directory (made by
   * the admin or the distribution: its presence says this nfs-utils reads it), else {@code
   * /etc/nfs.conf}.
   */
  private static String nfsConfFile(String fromSpec, RootFs root) {
    if (fromSpec != null) {
      return fromSpec;
    }
    String dir = NFS_CONF_DROP_IN.substring(0, NFS_CONF_DROP_IN.lastIndexOf('/'));
    return root.isDirectory(dir) ? NFS_CONF_DROP_IN : NFS_CONF_FILE;
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

  /** The server path of a file inside the HTTP root; only when the specs have an HTTP server. */
  public String http(String relative) {
    String root = http.root();
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }

  /** The server path of a file inside the TFTP root. */
  public String tftp(String relative) {
    return tftpRoot.endsWith("/") ? tftpRoot + relative : tftpRoot + "/" + relative;
  }
}
