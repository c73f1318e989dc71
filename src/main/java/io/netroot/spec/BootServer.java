package io.netroot.spec;

import io.netroot.DriftPolicy;
import java.time.Duration;
import java.util.List;

/**
 * The boot server itself: its address as clients see it and where its daemons' files are. Fields
 * left out are {@code null} here and filled in with the platform's defaults when compiled.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: BootServer
 * metadata: {name: bootsrv}
 * spec:
 *   address: 10.0.0.1
 *   platform: debian            # optional: debian | fedora; default from /etc/os-release
 *   tftpRoot: /var/lib/tftpboot
 *   dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd,
 *          server: isc,          # isc | kea | dnsmasq
 *          mode: full}           # full | proxy (boot information only; dnsmasq)
 *   nfs: {exportsFile: /etc/exports, service: nfs-server,
 *         versions: {v2: false, v3: true, v4: true, v4.1: true, v4.2: true}, udp: false,
 *         server: kernel,       # kernel | ganesha (NFS-Ganesha, EXPORT blocks in ganeshaConfig)
 *         ganeshaConfig: /etc/ganesha/ganesha.conf}
 *   tftp: {service: tftp}
 *   bootloader: {pxelinuxDir: /usr/lib/PXELINUX, modulesDir: /usr/lib/syslinux/modules/bios}
 *   pxe: {timeout: 50, default: local}
 *   agent:                      # optional: how agent run behaves; flags override
 *     interval: 5m              # re-check everything this often
 *     splay: 30s                # plus a random delay up to this
 *     onDrift: revert           # revert | report
 *     http: 9779                # status and metrics on 127.0.0.1; 0 turns it off
 *     retry: {base: 2s, cap: 5m}
 *     git: {url: https://git.example.org/boot-specs.git, branch: main, interval: 1m}
 *     backups: {keep: 20, maxAge: 90d}   # per file; the newest copy of a file is always kept
 *   http:                       # optional: the web server of loader: ipxe profiles (nginx)
 *     port: 80
 *     root: /srv/netroot-http   # kernels, initrds and iPXE scripts, served read-only
 *     address: 10.0.0.1         # in the URLs iPXE is given; default: address above
 *     config: /etc/nginx/conf.d/netroot.conf   # netroot's nginx drop-in, owned whole
 *     service: nginx
 * }</pre>
 */
public record BootServer(
    String name,
    Ipv4 address,
    String platform,
    String tftpRoot,
    Dhcp dhcp,
    Nfs nfs,
    Tftp tftp,
    Bootloader bootloader,
    Pxe pxe,
    Agent agent,
    Http http,
    Origin origin)
    implements SpecDocument {

  /** A boot server with no HTTP server (no {@code loader: ipxe} profile can boot from it). */
  public BootServer(
      String name,
      Ipv4 address,
      String platform,
      String tftpRoot,
      Dhcp dhcp,
      Nfs nfs,
      Tftp tftp,
      Bootloader bootloader,
      Pxe pxe,
      Agent agent,
      Origin origin) {
    this(name, address, platform, tftpRoot, dhcp, nfs, tftp, bootloader, pxe, agent, null, origin);
  }

  /** A boot server without agent settings (the agent's defaults apply). */
  public BootServer(
      String name,
      Ipv4 address,
      String platform,
      String tftpRoot,
      Dhcp dhcp,
      Nfs nfs,
      Tftp tftp,
      Bootloader bootloader,
      Pxe pxe,
      Origin origin) {
    this(name, address, platform, tftpRoot, dhcp, nfs, tftp, bootloader, pxe, Agent.UNSET, origin);
  }

  /**
   * How {@code agent run} behaves; every field is {@code null} when not written, and then the
   * command line or the agent's default decides.
   *
   * @param interval how often everything is checked again
   * @param splay the most a scheduled pass is delayed at random, so that agents spread out
   * @param onDrift what to do with a hand edit
   * @param http the port on 127.0.0.1 for health, status and metrics; 0 turns it off
   * @param retry the backoff of a failing resource
   * @param git where to fetch the specs from, instead of the specs directory
   * @param backups how many copies of overwritten hand edits are kept, and how long
   */
  public record Agent(
      Duration interval,
      Duration splay,
      DriftPolicy onDrift,
      Integer http,
      Retry retry,
      Git git,
      Backups backups) {

    public static final Agent UNSET = new Agent(null, null, null, null, null, null, null);

    /** Agent settings that leave the backups' retention to its defaults. */
    public Agent(
        Duration interval,
        Duration splay,
        DriftPolicy onDrift,
        Integer http,
        Retry retry,
        Git git) {
      this(interval, splay, onDrift, http, retry, git, null);
    }
  }

  /**
   * How long the copies of overwritten hand edits are kept; a {@code null} field takes its default.
   * The newest copy of each file is kept whatever its age.
   *
   * @param keep the most copies kept of one file (1 or more)
   * @param maxAge copies older than this are removed, but for each file's newest
   */
  public record Backups(Integer keep, Duration maxAge) {}

  /**
   * @param base the first delay after a failure, doubled after each further failure
   * @param cap the longest delay
   */
  public record Retry(Duration base, Duration cap) {}

  /**
   * @param url the repository to clone
   * @param branch the branch to follow, {@code null} for the default
   * @param interval how often to fetch
   */
  public record Git(String url, String branch, Duration interval) {}

  /**
   * @param config the DHCP server's configuration file on the server ({@code dhcpd.conf}, {@code
   *     kea-dhcp4.conf}, netroot's dnsmasq drop-in), or {@code null} for the server's default
   * @param service the DHCP server's service name, or {@code null} for the platform's
   * @param server which DHCP server netroot configures
   * @param mode whether it gives addresses and boot information, or boot information only
   */
  public record Dhcp(String config, String service, DhcpServer server, DhcpMode mode) {

    public Dhcp {
      server = server == null ? DhcpServer.ISC : server;
      mode = mode == null ? DhcpMode.FULL : mode;
    }

    /** ISC dhcpd giving addresses and boot information. */
    public Dhcp(String config, String service) {
      this(config, service, DhcpServer.ISC, DhcpMode.FULL);
    }

    /** Whether netroot's DHCP server gives only boot information, beside one it does not manage. */
    public boolean proxy() {
      return mode == DhcpMode.PROXY;
    }
  }

  /** Which DHCP server netroot writes the configuration of. */
  public enum DhcpServer {
    /** ISC dhcpd: a marked block in {@code dhcpd.conf}. */
    ISC,
    /** ISC Kea ({@code kea-dhcp4}): a marked block inside the Dhcp4 map of its JSON config. */
    KEA,
    /** dnsmasq: a drop-in file netroot owns whole. */
    DNSMASQ
  }

  /** What netroot's DHCP server answers. */
  public enum DhcpMode {
    /** Addresses (ranges and reservations), options, and where to boot from. */
    FULL,
    /** Only where to boot from (proxy DHCP), beside a DHCP server netroot does not manage. */
    PROXY
  }

  /**
   * The web server iPXE fetches its scripts, kernels and initrds from ({@code loader: ipxe}).
   * netroot writes nginx's drop-in for it and publishes the files into {@code root}; every field is
   * filled in (the binder gives the defaults).
   *
   * @param port the TCP port nginx listens on, 1 to 65535
   * @param root the directory served, read-only; netroot owns its {@code images/} and {@code ipxe/}
   * @param address the address in the URLs iPXE is given, the boot server's unless set
   * @param config nginx's drop-in, a file netroot owns whole
   * @param service nginx's systemd service, reloaded when the drop-in changes
   */
  public record Http(int port, String root, Ipv4 address, String config, String service) {

    public static final int DEFAULT_PORT = 80;
    public static final String DEFAULT_ROOT = "/srv/netroot-http";
    public static final String DEFAULT_CONFIG = "/etc/nginx/conf.d/netroot.conf";
    public static final String DEFAULT_SERVICE = "nginx";
  }

  /**
   * @param exportsFile {@code /etc/exports}, or a drop-in under {@code /etc/exports.d/}
   * @param service the NFS server's service name
   * @param confFile {@code /etc/nfs.conf}, whose {@code [nfsd]} keys netroot manages when {@code
   *     versions} or {@code udp} is set
   * @param versions which NFS versions the server offers, or {@code null} to leave them alone
   * @param udp whether the server offers NFS over UDP, or {@code null} to leave it alone
   * @param server which NFS server serves the exports, or {@code null} for the kernel's
   * @param ganeshaConfig NFS-Ganesha's configuration, whose {@code EXPORT} blocks netroot manages
   *     when {@code server} is {@link NfsServer#GANESHA}; {@code null} for the default
   */
  public record Nfs(
      String exportsFile,
      String service,
      String confFile,
      NfsVersions versions,
      Boolean udp,
      NfsServer server,
      String ganeshaConfig) {

    /** Where NFS-Ganesha reads its configuration unless {@code nfs.ganeshaConfig} says. */
    public static final String DEFAULT_GANESHA_CONFIG = "/etc/ganesha/ganesha.conf";

    /** The kernel NFS server, with its settings. */
    public Nfs(
        String exportsFile, String service, String confFile, NfsVersions versions, Boolean udp) {
      this(exportsFile, service, confFile, versions, udp, null, null);
    }

    /** Only where the exports go and which service serves them. */
    public Nfs(String exportsFile, String service) {
      this(exportsFile, service, null, null, null);
    }

    /** Whether NFS-Ganesha, not the kernel's nfsd, serves the exports. */
    public boolean ganesha() {
      return server == NfsServer.GANESHA;
    }
  }

  /** Which NFS server serves the exports. */
  public enum NfsServer {
    /** The kernel's nfsd: {@code /etc/exports}, {@code exportfs -ra}, {@code nfs.conf}. */
    KERNEL,
    /** NFS-Ganesha in user space: {@code EXPORT} blocks in {@code ganesha.conf}. */
    GANESHA
  }

  /**
   * The NFS versions the server offers ({@code nfsd} {@code vers2=…} … {@code vers4.2=…}); a {@code
   * null} version is left as the server has it.
   */
  public record NfsVersions(Boolean v2, Boolean v3, Boolean v4, Boolean v41, Boolean v42) {}

  /**
   * @param service the TFTP server's service name
   */
  public record Tftp(String service) {}

  /**
   * Where the distribution's syslinux files are read from (on this machine, never under the root
   * prefix).
   *
   * @param pxelinuxDir the directory holding {@code pxelinux.0}
   * @param modulesDir the directory holding {@code ldlinux.c32} and the menu modules
   * @param modules the module files to copy into the TFTP root
   * @param efiDir the directory holding {@code syslinux.efi} for x86-64 UEFI
   * @param efiModulesDir the directory holding {@code ldlinux.e64} and the UEFI menu modules
   * @param shim the signed shim handed to UEFI clients of {@code loader: grub} profiles (Debian's
   *     {@code shim-signed}: {@code /usr/lib/shim/shimx64.efi.signed})
   * @param grub the signed network GRUB the shim loads (Debian's {@code grub-efi-amd64-signed}:
   *     {@code /usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed})
   * @param ipxeDir the directory holding iPXE's {@code undionly.kpxe} and {@code ipxe.efi}
   */
  public record Bootloader(
      String pxelinuxDir,
      String modulesDir,
      List<String> modules,
      String efiDir,
      String efiModulesDir,
      String shim,
      String grub,
      String ipxeDir) {

    /** The syslinux locations only; shim, GRUB and iPXE take the platform's defaults. */
    public Bootloader(
        String pxelinuxDir,
        String modulesDir,
        List<String> modules,
        String efiDir,
        String efiModulesDir) {
      this(pxelinuxDir, modulesDir, modules, efiDir, efiModulesDir, null, null, null);
    }

    /** BIOS bootloader locations only; the UEFI ones take the platform's defaults. */
    public Bootloader(String pxelinuxDir, String modulesDir, List<String> modules) {
      this(pxelinuxDir, modulesDir, modules, null, null, null, null, null);
    }
  }

  /**
   * The PXE menu ({@code pxelinux.cfg/default}).
   *
   * @param timeout in tenths of a second, as pxelinux counts
   * @param defaultEntry the entry booted when the timeout runs out: a profile name or {@code local}
   *     (boot the local disk)
   * @param title the menu title
   */
  public record Pxe(Integer timeout, String defaultEntry, String title) {}
}
