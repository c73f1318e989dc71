package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.BlockInFile;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.CopiedFile;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import io.netroot.state.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

  @TempDir Path rootDir;
  @TempDir Path sources;

  RootFs root;
  RecordingServices services;
  Engine engine;
  String exportsBody = "/srv/a 10.0.0.0/24(ro)\n";
  String menu = "DEFAULT local\n";
  String hostConfig = "DEFAULT p\n";

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(rootDir);
    services = new RecordingServices();
    engine = new Engine(root, services, Clock.systemUTC());
    Files.writeString(sources.resolve("vmlinuz"), "kernel bytes");
  }

  Catalog catalog() {
    List<Resource> resources = new ArrayList<>();
    BlockInFile exports =
        new BlockInFile(
            "/etc/exports",
            "NFS exports",
            ManagedBlock.HASH_COMMENTS,
            List.of(),
            List.of(ServiceAction.reexport("nfs")),
            new RejectingChecker(),
            () -> exportsBody,
            null);
    CopiedFile kernel =
        new CopiedFile(
            "/srv/tftp/images/k/vmlinuz",
            "kernel k",
            sources.resolve("vmlinuz"),
            null,
            null,
            List.of());
    ManagedFile menuFile =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/default", "PXE menu", List.of(kernel.id()), () -> menu);
    ManagedFile host =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/01-aa",
            "PXE config of host h",
            List.of(kernel.id()),
            () -> hostConfig);
    resources.addAll(List.of(exports, kernel, menuFile, host));
    return new Catalog(
        resources,
        List.of(
            new OwnedDirectory("/srv/tftp/pxelinux.cfg"), new OwnedDirectory("/srv/tftp/images")),
        TestLayouts.debian(sources));
  }

  @Test
  void dryRunChangesNothingOnDisk() throws Exception {
    Report plan = engine.reconcile(catalog(), Options.plan());
    assertThat(plan.changes())
        .hasSize(4)
        .allMatch(r -> r.action() == Action.CREATE && r.status() == Status.PLANNED);
    try (var files = Files.walk(rootDir)) {
      assertThat(files).containsExactly(rootDir);
    }
    assertThat(services.calls).isEmpty();
  }

  @Test
  void applyThenPlanFindsNothingToDo() {
    Report applied = engine.reconcile(catalog(), Options.apply(false));
    assertThat(applied.changes()).hasSize(4).allMatch(r -> r.status() == Status.APPLIED);
    assertThat(root.resolve("/srv/tftp/images/k/vmlinuz")).hasContent("kernel bytes");
    assertThat(services.calls).containsExactly("reexport");

    Report again = engine.reconcile(catalog(), Options.plan());
    assertThat(again.changes()).isEmpty();
    assertThat(again.hasDrift()).isFalse();
    assertThat(again.unchanged()).isEqualTo(4);
  }

  @Test
  void handEditInsideTheBlockIsDriftAndIsRevertedWithABackup() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path exports = root.resolve("/etc/exports");
    String edited = Files.readString(exports).replace("(ro)", "(rw)");
    Files.writeString(exports, edited);

    Report plan = engine.reconcile(catalog(), Options.plan());
    assertThat(plan.handEdits())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/etc/exports");
              assertThat(r.action()).isEqualTo(Action.UPDATE);
              assertThat(r.lastApplied()).contains("(ro)");
              assertThat(r.observed().text()).contains("(rw)");
            });
    assertThat(Files.readString(exports)).isEqualTo(edited);

    Report apply = engine.reconcile(catalog(), Options.apply(false));
    assertThat(apply.changes()).singleElement().satisfies(r -> assertThat(r.backup()).isNotNull());
    assertThat(exports).content().contains("(ro)").doesNotContain("(rw)");
    List<Backups.Entry> backups = new Backups(root, Clock.systemUTC()).list();
    assertThat(backups)
        .singleElement()
        .satisfies(b -> assertThat(b.path()).isEqualTo("/etc/exports"));
    Path saved = root.resolve("/var/lib/netroot/backups/" + backups.get(0).id() + "/etc/exports");
    assertThat(saved).hasContent(edited.strip());
  }

  @Test
  void handEditOutsideTheBlockIsKeptByteForByte() throws Exception {
    Path exports = root.resolve("/etc/exports");
    Files.createDirectories(exports.getParent());
    byte[] before =
        "# mine\r\n/home 192.168.1.0/24(rw)\t# caf\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(exports, before);
    engine.reconcile(catalog(), Options.apply(false));
    exportsBody = "/srv/b 10.0.0.0/24(ro)\n";
    engine.reconcile(catalog(), Options.apply(false));

    byte[] after = Files.readAllBytes(exports);
    assertThat(java.util.Arrays.copyOf(after, before.length)).isEqualTo(before);
    assertThat(new String(after, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("/srv/b")
        .doesNotContain("/srv/a");
  }

  @Test
  void aFailingResourceBlocksOnlyWhatDependsOnIt() throws Exception {
    Files.delete(sources.resolve("vmlinuz"));
    Report apply = engine.reconcile(catalog(), Options.apply(false));
    assertThat(apply.failures())
        .extracting(ResourceResult::status)
        .containsExactly(Status.FAILED, Status.BLOCKED, Status.BLOCKED);
    assertThat(apply.failures().get(0).error()).contains("does not exist");
    assertThat(apply.changes()).extracting(ResourceResult::path).containsExactly("/etc/exports");
    assertThat(root.resolve("/srv/tftp/pxelinux.cfg/default")).doesNotExist();
    assertThat(apply.hasFailures()).isTrue();
  }

  @Test
  void aCandidateTheCheckerRejectsIsNeverInstalledAndPlanSaysSoToo() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    String good = Files.readString(root.resolve("/etc/exports"));
    services.calls.clear();
    exportsBody = "BAD line\n";

    Report plan = engine.reconcile(catalog(), Options.plan());
    assertThat(plan.failures())
        .singleElement()
        .satisfies(r -> assertThat(r.error()).contains("rejects"));

    Report apply = engine.reconcile(catalog(), Options.apply(false));
    assertThat(apply.failures())
        .singleElement()
        .satisfies(r -> assertThat(r.error()).contains("nothing installed"));
    assertThat(root.resolve("/etc/exports")).hasContent(good.strip());
    assertThat(services.calls).isEmpty();
  }

  @Test
  void filesNoSpecProducesAreReportedAndRemovedOnlyWithPrune() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path stray = root.resolve("/srv/tftp/pxelinux.cfg/01-stray");
    Files.writeString(stray, "hand made\n");

    Report plan = engine.reconcile(catalog(), Options.plan());
    assertThat(plan.unexpected())
        .extracting(Unexpected::path)
        .containsExactly("/srv/tftp/pxelinux.cfg/01-stray");
    assertThat(plan.hasDrift()).isTrue();

    engine.reconcile(catalog(), Options.apply(false));
    assertThat(stray).exists();

    Report pruned = engine.reconcile(catalog(), Options.apply(true));
    assertThat(pruned.unexpected())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pruned()).isTrue();
              assertThat(u.backup()).isNotNull();
            });
    assertThat(stray).doesNotExist();
  }

  @Test
  void aFileNetrootWroteThatNoSpecProducesAnyMoreIsDeleted() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Catalog smaller =
        new Catalog(
            catalog().resources().subList(0, 3), catalog().ownedDirectories(), catalog().layout());

    Report plan = engine.reconcile(smaller, Options.plan());
    assertThat(plan.changes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(Action.DELETE);
              assertThat(r.path()).isEqualTo("/srv/tftp/pxelinux.cfg/01-aa");
            });
    engine.reconcile(smaller, Options.apply(false));
    assertThat(root.resolve("/srv/tftp/pxelinux.cfg/01-aa")).doesNotExist();
    assertThat(engine.reconcile(smaller, Options.plan()).changes()).isEmpty();
  }

  @Test
  void aFileRemovedByHandIsDriftAndIsCreatedAgain() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.delete(root.resolve("/srv/tftp/pxelinux.cfg/default"));
    Report plan = engine.reconcile(catalog(), Options.plan());
    assertThat(plan.handEdits())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(Action.CREATE);
              assertThat(r.reason()).contains("removed by hand");
            });
    engine.reconcile(catalog(), Options.apply(false));
    assertThat(root.resolve("/srv/tftp/pxelinux.cfg/default")).hasContent("DEFAULT local");
  }

  @Test
  void servicesAreToldOnlyWhenTheirConfigChanged() {
    engine.reconcile(catalog(), Options.apply(false));
    assertThat(services.calls).containsExactly("reexport");
    services.calls.clear();
    menu = "DEFAULT p\n";
    Report apply = engine.reconcile(catalog(), Options.apply(false));
    assertThat(apply.changes()).hasSize(1);
    assertThat(services.calls).isEmpty();
  }

  /** Stands in for a daemon's syntax check: rejects any file containing "BAD". */
  static final class RejectingChecker implements ConfigChecker {
    @Override
    public String name() {
      return "test-check";
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public Verdict check(byte[] candidate, String ownPart) {
      return new String(candidate, java.nio.charset.StandardCharsets.UTF_8).contains("BAD")
          ? Verdict.refused("line 3: BAD is not allowed")
          : Verdict.accepted(List.of());
    }
  }

  @Test
  void aStagedFileThatCannotBeRenamedFailsAndBlocksOnlyItsDependents() throws Exception {
    Path target = root.resolve("/srv/tftp/racy");
    // Stages its file, then something puts a non-empty directory where the file goes before the
    // batch is committed: the rename fails at commit time.
    Resource racy = new RacyFile(target);
    ManagedFile dependent =
        new ManagedFile("/srv/tftp/after", "depends on racy", List.of(racy.id()), () -> "x\n");
    List<Resource> resources = new ArrayList<>(catalog().resources());
    resources.add(racy);
    resources.add(dependent);
    Catalog withRacy = new Catalog(resources, catalog().ownedDirectories(), catalog().layout());

    Report apply = engine.reconcile(withRacy, Options.apply(false));

    assertThat(apply.failures())
        .extracting(ResourceResult::path, ResourceResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/srv/tftp/racy", Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("/srv/tftp/after", Status.BLOCKED));
    assertThat(apply.failures().get(0).error()).contains("cannot write");
    assertThat(root.resolve("/srv/tftp/after")).doesNotExist();
    assertThat(root.resolve("/etc/exports")).exists();
    assertThat(services.calls).containsExactly("reexport");
    // Nothing of the failed write was recorded as applied: the next plan still wants it.
    Files.delete(target.resolve("in-the-way"));
    Files.delete(target);
    assertThat(engine.reconcile(catalog(), Options.plan()).changes()).isEmpty();
    assertThat(engine.reconcile(withRacy, Options.plan()).changes())
        .extracting(ResourceResult::path)
        .containsExactly("/srv/tftp/racy", "/srv/tftp/after");
  }

  /**
   * A managed file that, once staged, finds a non-empty directory put where it goes (as a
   * concurrent change would), so its rename fails when the batch is committed.
   */
  static final class RacyFile implements Resource {
    private final ManagedFile file;
    private final Path target;

    RacyFile(Path target) {
      this.file = new ManagedFile("/srv/tftp/racy", "racy file", List.of(), () -> "content\n");
      this.target = target;
    }

    @Override
    public io.netroot.catalog.ResourceId id() {
      return file.id();
    }

    @Override
    public String path() {
      return file.path();
    }

    @Override
    public String description() {
      return file.description();
    }

    @Override
    public StateKind stateKind() {
      return file.stateKind();
    }

    @Override
    public List<io.netroot.catalog.ResourceId> dependsOn() {
      return file.dependsOn();
    }

    @Override
    public List<ServiceAction> notifies() {
      return file.notifies();
    }

    @Override
    public io.netroot.catalog.Content desired() {
      return file.desired();
    }

    @Override
    public Optional<io.netroot.catalog.Content> observe(RootFs root) {
      return file.observe(root);
    }

    @Override
    public byte[] candidate(RootFs root, io.netroot.catalog.Content desired) {
      return file.candidate(root, desired);
    }

    @Override
    public void write(RootFs root, io.netroot.catalog.Content desired) {
      file.write(root, desired);
      try {
        Files.createDirectories(target.resolve("in-the-way"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void remove(RootFs root) {
      file.remove(root);
    }
  }
}
