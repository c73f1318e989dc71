package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.CatalogCompiler;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The promises that matter, over random fleets and random disturbances: apply twice and the second
 * pass has nothing to do; and what plan lists is exactly what apply then changes.
 */
class ReconcileProperties {

  /** A fleet: how many hosts, profiles and networks, and a seed for the details. */
  record Fleet(int hosts, int profiles, int networks, long variant) {}

  /** Something that happens between passes: a spec change or a hand edit. */
  enum Disturbance {
    NONE,
    CHANGE_SPECS,
    EDIT_INSIDE_BLOCK,
    EDIT_OUTSIDE_BLOCK,
    DELETE_HOST_FILE,
    DROP_STRAY_FILE,
    REMOVE_A_HOST,
    REGULAR_FILE_AT_DEV_NULL,
    EDIT_FSTAB
  }

  Path work;

  @BeforeProperty
  void createWorkDir() throws IOException {
    work = Files.createTempDirectory("netroot-props");
  }

  @AfterProperty
  void deleteWorkDir() throws IOException {
    try (Stream<Path> walk = Files.walk(work)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 40)
  void applyTwiceLeavesNothingToDo(@ForAll("fleets") Fleet fleet, @ForAll Disturbance disturbance)
      throws IOException {
    Case c = new Case(work, fleet);
    c.engine().reconcile(c.catalog(), Options.apply(false));
    c.disturb(disturbance);
    c.engine().reconcile(c.catalog(), Options.apply(true));
    Report second = c.engine().reconcile(c.catalog(), Options.apply(true));
    assertThat(second.changes()).isEmpty();
    assertThat(second.unexpected()).isEmpty();
    assertThat(c.engine().reconcile(c.catalog(), Options.plan()).hasChanges()).isFalse();
  }

  @Property(tries = 40)
  void planPredictsApply(
      @ForAll("fleets") Fleet fleet, @ForAll Disturbance disturbance, @ForAll boolean prune)
      throws IOException {
    Case c = new Case(work, fleet);
    c.engine().reconcile(c.catalog(), Options.apply(false));
    c.disturb(disturbance);
    Report plan = c.engine().reconcile(c.catalog(), new Options(true, prune));
    Report apply = c.engine().reconcile(c.catalog(), Options.apply(prune));
    assertThat(summary(apply.changes())).isEqualTo(summary(plan.changes()));
    assertThat(apply.unexpected().stream().map(Unexpected::path).toList())
        .isEqualTo(plan.unexpected().stream().map(Unexpected::path).toList());
    assertThat(apply.services().stream().map(s -> s.action()).toList())
        .isEqualTo(plan.services().stream().map(s -> s.action()).toList());
  }

  private static List<String> summary(List<ResourceResult> changes) {
    return changes.stream().map(r -> r.action() + " " + r.id() + " " + r.reason()).toList();
  }

  @Provide
  Arbitrary<Fleet> fleets() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.longs())
        .as(Fleet::new);
  }

  /** One generated boot server: specs on disk, a root prefix, and the disturbances. */
  static final class Case {
    final Path specs;
    final RootFs root;
    final Fleet fleet;
    final java.util.Random random;
    int hosts;
    String kernelArg = "quiet";

    Case(Path work, Fleet fleet) throws IOException {
      Path dir = Files.createTempDirectory(work, "case");
      this.specs = dir.resolve("specs");
      this.root = new RootFs(dir.resolve("root"));
      this.fleet = fleet;
      this.random = new java.util.Random(fleet.variant());
      this.hosts = fleet.hosts();
      Path boot = dir.resolve("syslinux");
      Files.createDirectories(boot);
      for (String f :
          List.of(
              "pxelinux.0",
              "ldlinux.c32",
              "menu.c32",
              "libutil.c32",
              "libcom32.c32",
              "syslinux.efi",
              "ldlinux.e64")) {
        Files.writeString(boot.resolve(f), f);
      }
      Files.createDirectories(specs);
      Files.writeString(specs.resolve("vmlinuz"), "kernel " + fleet.variant());
      Files.writeString(specs.resolve("server.yaml"), server(boot));
      writeFleet();
    }

    Engine engine() {
      return new Engine(root, ServiceBackend.forRoot(root), Clock.systemUTC());
    }

    Catalog catalog() {
      return new CatalogCompiler(new AcceptAll(), ServiceBackend.forRoot(root))
          .compile(SpecLoader.load(specs), root);
    }

    private String server(Path boot) {
      return """
          apiVersion: netroot/v1
          kind: BootServer
          metadata: {name: srv}
          spec:
            address: 10.200.0.1
            bootloader: {pxelinuxDir: %s, modulesDir: %s, efiDir: %s, efiModulesDir: %s}
          ---
          apiVersion: netroot/v1
          kind: Kernel
          metadata: {name: k}
          spec: {image: vmlinuz}
          ---
          apiVersion: netroot/v1
          kind: RootImage
          metadata: {name: img}
          spec: {path: /srv/nfsroot/img, devices: static}
          ---
          apiVersion: netroot/v1
          kind: Export
          metadata: {name: img}
          spec:
            path: /srv/nfsroot/img
            clients: [{match: 10.200.0.0/16, options: [ro, no_subtree_check]}]
          """
          .formatted(boot, boot, boot, boot);
    }

    void writeFleet() throws IOException {
      StringBuilder y = new StringBuilder();
      for (int n = 0; n < fleet.networks(); n++) {
        y.append(
            """
            ---
            apiVersion: netroot/v1
            kind: Network
            metadata: {name: net%d}
            spec: {subnet: 10.200.%d.0/24, routers: [10.200.%d.254]}
            """
                .formatted(n, n, n));
      }
      for (int p = 0; p < fleet.profiles(); p++) {
        y.append(
            """
            ---
            apiVersion: netroot/v1
            kind: Profile
            metadata: {name: p%d}
            spec: {kernel: k, rootImage: img, nfsOptions: [tcp, vers=3], kernelArgs: [%s, p%d]}
            """
                .formatted(p, kernelArg, p));
      }
      for (int h = 0; h < hosts; h++) {
        y.append(
            """
            ---
            apiVersion: netroot/v1
            kind: Host
            metadata: {name: h%d}
            spec: {mac: "02:00:00:00:00:%02x", ip: 10.200.%d.%d, profile: p%d}
            """
                .formatted(h, h, h % fleet.networks(), 10 + h, h % fleet.profiles()));
      }
      Files.writeString(specs.resolve("fleet.yaml"), y.toString());
    }

    void disturb(Disturbance disturbance) throws IOException {
      Path dhcpd = root.resolve("/etc/dhcp/dhcpd.conf");
      switch (disturbance) {
        case NONE -> {}
        case CHANGE_SPECS -> {
          kernelArg = "loglevel=" + random.nextInt(8);
          writeFleet();
        }
        case EDIT_INSIDE_BLOCK ->
            Files.writeString(
                dhcpd, Files.readString(dhcpd).replace("next-server", "next-server  "));
        case EDIT_OUTSIDE_BLOCK ->
            Files.writeString(dhcpd, "authoritative;\n" + Files.readString(dhcpd));
        case DELETE_HOST_FILE ->
            Files.deleteIfExists(root.resolve("/srv/tftp/pxelinux.cfg/default"));
        case DROP_STRAY_FILE ->
            Files.writeString(root.resolve("/srv/tftp/pxelinux.cfg/01-stray"), "x");
        case REGULAR_FILE_AT_DEV_NULL -> {
          Path devNull = root.resolve("/srv/nfsroot/img/dev/null");
          Files.deleteIfExists(devNull);
          Files.writeString(devNull, "x");
        }
        case EDIT_FSTAB -> {
          Path fstab = root.resolve("/srv/nfsroot/img/etc/fstab");
          Files.writeString(
              fstab,
              "proc /proc proc defaults 0 0\n" + Files.readString(fstab).replace(" rw,", " ro,"));
        }
        case REMOVE_A_HOST -> {
          hosts = Math.max(0, hosts - 1);
          writeFleet();
        }
      }
    }
  }

  /** The real dhcpd check has its own integration test; here every candidate is accepted. */
  static final class AcceptAll implements ConfigChecker {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public Verdict check(byte[] candidate, String ownPart) {
      return Verdict.accepted(List.of());
    }
  }
}
