package io.netroot.spec;

import static io.netroot.spec.Schema.Type.BOOL;
import static io.netroot.spec.Schema.Type.INT;
import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

import io.netroot.DriftPolicy;
import java.util.List;

/** Binds {@code kind: BootServer}; fills the PXE menu and bootloader module defaults. */
final class BootServerBinder implements KindBinder {

  static final int DEFAULT_TIMEOUT = 50;
  static final String DEFAULT_ENTRY = "local";
  static final List<String> DEFAULT_MODULES =
      List.of("ldlinux.c32", "menu.c32", "libutil.c32", "libcom32.c32");

  /** The words of {@code platform}: the two families of defaults netroot knows. */
  static final List<String> PLATFORMS = List.of("debian", "fedora");

  private static final Schema DHCP =
      Schema.of(
          "BootServer spec.dhcp",
          optional("config", STRING),
          optional("service", STRING),
          optional("server", BootServer.DhcpServer.class),
          optional("mode", BootServer.DhcpMode.class));
  private static final Schema NFS_VERSIONS =
      Schema.of(
          "BootServer spec.nfs.versions",
          optional("v2", BOOL),
          optional("v3", BOOL),
          optional("v4", BOOL),
          optional("v4.1", BOOL),
          optional("v4.2", BOOL));
  private static final Schema NFS =
      Schema.of(
          "BootServer spec.nfs",
          optional("exportsFile", STRING),
          optional("service", STRING),
          optional("confFile", STRING),
          optional("versions", NFS_VERSIONS),
          optional("udp", BOOL),
          optional("server", BootServer.NfsServer.class),
          optional("ganeshaConfig", STRING));
  private static final Schema TFTP = Schema.of("BootServer spec.tftp", optional("service", STRING));
  private static final Schema BOOTLOADER =
      Schema.of(
          "BootServer spec.bootloader",
          optional("pxelinuxDir", STRING),
          optional("modulesDir", STRING),
          optional("modules", LIST),
          optional("efiDir", STRING),
          optional("efiModulesDir", STRING));
  private static final Schema PXE =
      Schema.of(
          "BootServer spec.pxe",
          optional("timeout", INT),
          optional("default", STRING),
          optional("title", STRING));
  private static final Schema BACKUPS =
      Schema.of("BootServer spec.agent.backups", optional("keep", INT), optional("maxAge", STRING));
  private static final Schema RETRY =
      Schema.of("BootServer spec.agent.retry", optional("base", STRING), optional("cap", STRING));
  private static final Schema GIT =
      Schema.of(
          "BootServer spec.agent.git",
          required("url", STRING),
          optional("branch", STRING),
          optional("interval", STRING));
  private static final Schema AGENT =
      Schema.of(
          "BootServer spec.agent",
          optional("interval", STRING),
          optional("splay", STRING),
          optional("onDrift", DriftPolicy.class),
          optional("http", INT),
          optional("retry", RETRY),
          optional("git", GIT),
          optional("backups", BACKUPS));
  private static final Schema SPEC =
      Schema.of(
          "BootServer spec",
          required("address", STRING),
          optional("platform", PLATFORMS),
          optional("tftpRoot", STRING),
          optional("dhcp", DHCP),
          optional("nfs", NFS),
          optional("tftp", TFTP),
          optional("bootloader", BOOTLOADER),
          optional("pxe", PXE),
          optional("agent", AGENT));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    Ipv4 address = Values.ipv4(ctx, spec.scalar("address"));
    String tftpRoot =
        Grammar.check(ctx, spec.scalar("tftpRoot"), ServerPath.ownDirectory("the TFTP root"));
    MappingReader dhcp = spec.mapping("dhcp");
    MappingReader nfs = spec.mapping("nfs");
    MappingReader bootloader = spec.mapping("bootloader");
    List<String> modules =
        bootloader.has("modules")
            ? Values.each(ctx, bootloader.strings("modules"), FileName.GRAMMAR)
            : DEFAULT_MODULES;
    Scalar platform = spec.scalar("platform");
    if (platform != null && !PLATFORMS.contains(platform.value())) {
      ctx.error(
          platform.node(),
          platform.path()
              + " "
              + Text.quote(platform.value())
              + " is not a known platform; use debian (Debian, Ubuntu) or fedora (Fedora, RHEL"
              + " and its rebuilds), or leave it out to read /etc/os-release");
      platform = null;
    }
    return new BootServer(
        ctx.name(),
        address,
        platform == null ? null : platform.value(),
        tftpRoot,
        dhcp(ctx, dhcp),
        new BootServer.Nfs(
            Values.exportsFile(ctx, nfs.scalar("exportsFile")),
            service(ctx, nfs),
            Values.serverPath(ctx, nfs.scalar("confFile")),
            nfs.has("versions") ? versions(nfs.mapping("versions")) : null,
            nfs.bool("udp"),
            Values.oneOf(ctx, nfs.scalar("server"), BootServer.NfsServer.class, null),
            Values.serverPath(ctx, nfs.scalar("ganeshaConfig"))),
        new BootServer.Tftp(service(ctx, spec.mapping("tftp"))),
        new BootServer.Bootloader(
            Values.serverPath(ctx, bootloader.scalar("pxelinuxDir")),
            Values.serverPath(ctx, bootloader.scalar("modulesDir")),
            List.copyOf(modules),
            Values.serverPath(ctx, bootloader.scalar("efiDir")),
            Values.serverPath(ctx, bootloader.scalar("efiModulesDir"))),
        pxe(ctx, spec.mapping("pxe")),
        agent(ctx, spec.mapping("agent")),
        ctx.origin());
  }

  private static BootServer.Agent agent(DocumentContext ctx, MappingReader agent) {
    Integer http = agent.integer("http");
    if (http != null && (http < 0 || http > 65535)) {
      ctx.error(
          agent.node("http"),
          agent.child("http") + " " + http + " is not a port; use 1 to 65535, or 0 to turn it off");
      http = null;
    }
    MappingReader retry = agent.mapping("retry");
    MappingReader git = agent.mapping("git");
    return new BootServer.Agent(
        Durations.bind(ctx, agent.scalar("interval"), false),
        Durations.bind(ctx, agent.scalar("splay"), true),
        agent.has("onDrift")
            ? Values.oneOf(ctx, agent.scalar("onDrift"), DriftPolicy.class, null)
            : null,
        http,
        agent.has("retry")
            ? new BootServer.Retry(
                Durations.bind(ctx, retry.scalar("base"), false),
                Durations.bind(ctx, retry.scalar("cap"), false))
            : null,
        agent.has("git")
            ? new BootServer.Git(
                Grammar.check(ctx, git.scalar("url"), GitSource.URL),
                Grammar.check(ctx, git.scalar("branch"), GitSource.BRANCH_NAME),
                Durations.bind(ctx, git.scalar("interval"), false))
            : null,
        agent.has("backups") ? backups(ctx, agent.mapping("backups")) : null);
  }

  private static BootServer.Backups backups(DocumentContext ctx, MappingReader backups) {
    Integer keep = backups.integer("keep");
    if (keep != null && keep < 1) {
      ctx.error(
          backups.node("keep"),
          backups.child("keep")
              + " "
              + keep
              + " keeps no copy; use 1 or more (the newest copy of each file is always kept)");
      keep = null;
    }
    return new BootServer.Backups(keep, Durations.bind(ctx, backups.scalar("maxAge"), false));
  }

  /**
   * The DHCP section. Proxy DHCP (boot information only, beside a DHCP server netroot does not
   * manage) is what dnsmasq does; ISC dhcpd and Kea have no such mode. dnsmasq's drop-in is a file
   * netroot owns whole, so it may not be dnsmasq's own {@value #DNSMASQ_MAIN_CONFIG}.
   */
  private static BootServer.Dhcp dhcp(DocumentContext ctx, MappingReader dhcp) {
    BootServer.DhcpServer server =
        Values.oneOf(ctx, dhcp.scalar("server"), BootServer.DhcpServer.class, null);
    Scalar modeScalar = dhcp.scalar("mode");
    BootServer.DhcpMode mode = Values.oneOf(ctx, modeScalar, BootServer.DhcpMode.class, null);
    if (mode == BootServer.DhcpMode.PROXY && server != BootServer.DhcpServer.DNSMASQ) {
      ctx.error(
          modeScalar.node(),
          modeScalar.path()
              + " \"proxy\" needs server: dnsmasq; "
              + (server == BootServer.DhcpServer.KEA ? "Kea" : "ISC dhcpd (the default server)")
              + " has no proxy DHCP, which answers with boot information only beside another"
              + " DHCP server; set server: dnsmasq, or mode: full");
      mode = null;
    }
    Scalar configScalar = dhcp.scalar("config");
    String config = Values.serverPath(ctx, configScalar);
    if (server == BootServer.DhcpServer.DNSMASQ && DNSMASQ_MAIN_CONFIG.equals(config)) {
      ctx.error(
          configScalar.node(),
          configScalar.path()
              + " "
              + DNSMASQ_MAIN_CONFIG
              + " is dnsmasq's own file, and netroot owns its dnsmasq file whole; name a drop-in"
              + " such as /etc/dnsmasq.d/netroot.conf, or leave config out");
      config = null;
    }
    return new BootServer.Dhcp(config, service(ctx, dhcp), server, mode);
  }

  /** The file dnsmasq reads unless told otherwise; the admin's, never netroot's. */
  static final String DNSMASQ_MAIN_CONFIG = "/etc/dnsmasq.conf";

  /** A section's {@code service}, which is given to systemctl and names a drop-in directory. */
  private static String service(DocumentContext ctx, MappingReader section) {
    return Grammar.check(ctx, section.scalar("service"), ServiceName.GRAMMAR);
  }

  private static BootServer.NfsVersions versions(MappingReader versions) {
    return new BootServer.NfsVersions(
        versions.bool("v2"),
        versions.bool("v3"),
        versions.bool("v4"),
        versions.bool("v4.1"),
        versions.bool("v4.2"));
  }

  private static BootServer.Pxe pxe(DocumentContext ctx, MappingReader pxe) {
    Integer timeout = pxe.integer("timeout");
    if (timeout != null && timeout < 0) {
      ctx.error(
          pxe.node("timeout"),
          pxe.child("timeout")
              + " "
              + timeout
              + " is negative; give tenths of a second, 0 or more (0 waits for a choice)");
    }
    // the default entry is a label in pxelinux.cfg/default: a profile's name, or local
    String defaultEntry = Values.name(ctx, pxe.scalar("default"));
    String title = Grammar.check(ctx, pxe.scalar("title"), MenuText.GRAMMAR);
    return new BootServer.Pxe(
        timeout == null ? DEFAULT_TIMEOUT : timeout,
        defaultEntry == null ? DEFAULT_ENTRY : defaultEntry,
        title == null ? "netroot: " + ctx.name() : title);
  }
}
