package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.Status;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecLoader;
import io.netroot.state.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing one DHCP server by another with services touched: the new configuration is written and
 * checked, the old server stopped and disabled, then the new one enabled and started, then told to
 * reload; the old server's block goes; a rejected configuration stops nothing. Units are kept in a
 * map, as systemd would report them.
 */
class DhcpServerSwitchTest {

  @TempDir Path dir;

  RootFs root;
  Units units;
  Path specs;

  /** The units of a Debian boot server, each "enabled"/"disabled" and "active"/"inactive". */
  static final class Units implements ServiceBackend {
    final Map<String, String[]> state = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    Units with(String service, String enabled, String active) {
      state.put(service, new String[] {enabled, active});
      return this;
    }

    @Override
    public boolean touchesServices() {
      return true;
    }

    @Override
    public void restart(String service) {
      calls.add("restart " + service);
      state.get(service)[1] = "active";
    }

    @Override
    public void reexport() {
      calls.add("reexport");
    }

    @Override
    public void daemonReload() {
      calls.add("daemon-reload");
    }

    @Override
    public void reload(String service) {
      calls.add("reload " + service);
    }

    @Override
    public UnitState state(String service) {
      String[] s = state.get(service);
      return s == null ? new UnitState("not-found", "inactive") : new UnitState(s[0], s[1]);
    }

    @Override
    public void enableNow(String service) {
      calls.add("enable --now " + service);
      state.put(service, new String[] {"enabled", "active"});
    }

    @Override
    public void disableNow(String service) {
      calls.add("disable --now " + service);
      state.put(service, new String[] {"disabled", "inactive"});
    }
  }

  static final ConfigChecker ACCEPTS = checker(null);

  static ConfigChecker checker(String refusal) {
    return new ConfigChecker() {
      @Override
      public String name() {
        return "test check";
      }

      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Verdict check(byte[] candidate, String ownPart) {
        return refusal == null ? Verdict.accepted(List.of()) : Verdict.refused(refusal);
      }
    };
  }

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(Files.createDirectories(dir.resolve("root")));
    specs = Files.createDirectories(dir.resolve("specs"));
    Path loaders = Files.createDirectories(dir.resolve("syslinux"));
    for (String file : List.of("pxelinux.0", "ldlinux.c32", "syslinux.efi", "ldlinux.e64")) {
      Files.writeString(loaders.resolve(file), file + "\n");
    }
    Files.createDirectories(specs.resolve("kernels"));
    Files.write(specs.resolve("kernels/vmlinuz"), new byte[] {0x4d, 0x5a});
    units =
        new Units()
            .with("nfs-kernel-server", "enabled", "active")
            .with("tftpd-hpa", "enabled", "active")
            .with("isc-dhcp-server", "enabled", "active")
            .with("kea-dhcp4-server", "disabled", "inactive");
    writeSpecs("isc", loaders);
  }

  private void writeSpecs(String server, Path loaders) throws Exception {
    Files.writeString(
        specs.resolve("server.yaml"),
        """
        apiVersion: netroot/v1
        kind: BootServer
        metadata: {name: bootsrv}
        spec:
          address: 10.0.0.1
          platform: debian
          dhcp: {server: SERVER}
          bootloader: {pxelinuxDir: L, modulesDir: L, efiDir: L, efiModulesDir: L, modules: [ldlinux.c32]}
        ---
        apiVersion: netroot/v1
        kind: Network
        metadata: {name: lab}
        spec: {subnet: 10.0.0.0/24}
        ---
        apiVersion: netroot/v1
        kind: Kernel
        metadata: {name: k}
        spec: {image: kernels/vmlinuz}
        ---
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: img}
        spec: {path: /srv/nfsroot/img}
        ---
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: img}
        spec:
          path: /srv/nfsroot/img
          clients: [{match: 10.0.0.0/24, options: [ro]}]
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: p}
        spec: {kernel: k, rootImage: img, nfsOptions: [tcp, vers=3]}
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: node1}
        spec: {mac: "52:54:00:00:00:01", ip: 10.0.0.11, profile: p}
        """
            .replace("SERVER", server)
            .replace("L", loaders.toString()));
  }

  private Report apply(ConfigChecker checker) {
    Catalog catalog = new CatalogCompiler(checker, units).compile(SpecLoader.load(specs), root);
    return new Engine(root, units, Clock.systemUTC()).reconcile(catalog, Options.apply(false));
  }

  @Test
  void theOldServerStopsBeforeTheNewStartsAndItsBlockGoes() throws Exception {
    apply(ACCEPTS);
    Files.writeString(
        root.resolve("/etc/dhcp/dhcpd.conf"),
        "authoritative;\n" + Files.readString(root.resolve("/etc/dhcp/dhcpd.conf")));
    apply(ACCEPTS);
    units.calls.clear();
    writeSpecs("kea", dir.resolve("syslinux"));

    Report switched = apply(ACCEPTS);

    assertThat(switched.failures()).isEmpty();
    assertThat(units.calls)
        .containsExactly(
            "disable --now isc-dhcp-server",
            "enable --now kea-dhcp4-server",
            "reload kea-dhcp4-server");
    assertThat(root.resolve("/etc/dhcp/dhcpd.conf")).hasContent("authoritative;");
    assertThat(Files.readString(root.resolve("/etc/kea/kea-dhcp4.conf")))
        .contains("# BEGIN netroot")
        .contains("\"subnet\": \"10.0.0.0/24\"");

    units.calls.clear();
    Report again = apply(ACCEPTS);
    assertThat(again.hasChanges()).isFalse();
    assertThat(units.calls).isEmpty();
    // the old server is the admin's again: started by hand, it is left running
    units.with("isc-dhcp-server", "enabled", "active");
    assertThat(apply(ACCEPTS).hasChanges()).isFalse();
  }

  @Test
  void aNewConfigurationTheCheckerRejectsStopsNothingAndStartsNothing() throws Exception {
    apply(ACCEPTS);
    units.calls.clear();
    writeSpecs("kea", dir.resolve("syslinux"));

    Report refused = apply(checker("syntax error, unexpected pools"));

    assertThat(units.calls).isEmpty();
    assertThat(units.state("isc-dhcp-server").isActive()).isTrue();
    assertThat(refused.failures())
        .extracting(r -> r.id().value() + " " + r.status())
        .contains(
            "block:/etc/kea/kea-dhcp4.conf " + Status.FAILED,
            "service:isc-dhcp-server " + Status.BLOCKED,
            "service:kea-dhcp4-server " + Status.BLOCKED);
    assertThat(root.resolve("/etc/kea/kea-dhcp4.conf")).doesNotExist();
  }

  @Test
  void theReplacedServerIsOnlyTouchedWhileNetrootsConfigurationIsInIt() throws Exception {
    writeSpecs("dnsmasq", dir.resolve("syslinux"));
    units.with("dnsmasq", "disabled", "inactive");
    // isc-dhcp-server runs with a dhcpd.conf of its own, which netroot never wrote
    Files.createDirectories(root.resolve("/etc/dhcp"));
    Files.writeString(
        root.resolve("/etc/dhcp/dhcpd.conf"), "subnet 192.168.9.0 netmask 255.255.255.0 {}\n");

    apply(ACCEPTS);

    assertThat(units.calls)
        .containsSubsequence("enable --now dnsmasq", "restart dnsmasq")
        .noneMatch(call -> call.contains("isc-dhcp-server"));
    assertThat(units.state("isc-dhcp-server").isActive()).isTrue();
  }

  @Test
  void theOldServersBlockIsBackedUpWhenItGoesEvenWithoutAHandEditAndThePlanSaysSo()
      throws Exception {
    apply(ACCEPTS);
    String dhcpd = Files.readString(root.resolve("/etc/dhcp/dhcpd.conf"));
    units.calls.clear();
    writeSpecs("kea", dir.resolve("syslinux"));

    Report plan = plan();
    assertThat(plan.resources())
        .filteredOn(r -> r.id().value().equals("block:/etc/dhcp/dhcpd.conf"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(io.netroot.engine.Action.DELETE);
              assertThat(r.handEdit()).isFalse();
              assertThat(r.keepsBackup()).isTrue();
            });
    assertThat(units.calls).isEmpty();

    Report switched = apply(ACCEPTS);
    assertThat(switched.failures()).isEmpty();
    assertThat(backups()).extracting(Backups.Entry::path).containsExactly("/etc/dhcp/dhcpd.conf");
    Backups.Entry kept = backups().get(0);
    assertThat(
            Files.readString(
                root.resolve("/var/lib/netroot/backups/" + kept.id() + "/etc/dhcp/dhcpd.conf")))
        .isEqualTo(dhcpd);

    // kea -> dnsmasq: Kea's block goes the same way, and Kea stops before dnsmasq starts
    units.with("dnsmasq", "disabled", "inactive");
    units.calls.clear();
    writeSpecs("dnsmasq", dir.resolve("syslinux"));
    Report again = apply(ACCEPTS);
    assertThat(again.failures()).isEmpty();
    assertThat(units.calls)
        .containsExactly(
            "disable --now kea-dhcp4-server", "enable --now dnsmasq", "restart dnsmasq");
    assertThat(backups())
        .extracting(Backups.Entry::path)
        .containsExactly("/etc/dhcp/dhcpd.conf", "/etc/kea/kea-dhcp4.conf");
    assertThat(Files.readString(root.resolve("/etc/kea/kea-dhcp4.conf")))
        .doesNotContain("# BEGIN netroot");
    assertThat(root.resolve("/etc/dnsmasq.d/netroot.conf")).exists();
  }

  /** A removal no longer in the catalog that was never a DHCP server's keeps no backup. */
  @Test
  void aRemovedPxeConfigIsStillBackedUpOnlyAfterAHandEdit() throws Exception {
    apply(ACCEPTS);
    String hosts =
        Files.readString(specs.resolve("server.yaml"))
            .replace("kind: Host\nmetadata: {name: node1}", "kind: Host\nmetadata: {name: node2}")
            .replace("52:54:00:00:00:01", "52:54:00:00:00:02");
    Files.writeString(specs.resolve("server.yaml"), hosts);
    assertThat(apply(ACCEPTS).failures()).isEmpty();
    assertThat(backups()).isEmpty();
  }

  private Report plan() {
    Catalog catalog = new CatalogCompiler(ACCEPTS, units).compile(SpecLoader.load(specs), root);
    return new Engine(root, units, Clock.systemUTC()).reconcile(catalog, Options.plan());
  }

  private List<Backups.Entry> backups() {
    return new Backups(root, Clock.systemUTC()).list();
  }
}
