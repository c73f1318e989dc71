package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.DriftPolicy;
import io.netroot.catalog.BlockInFile;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import io.netroot.state.PendingServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options the long-running agent passes: drift policy, deferral, cancellation, journal. */
class EngineOptionsTest {

  @TempDir Path rootDir;

  RootFs root;
  RecordingServices services;
  Engine engine;
  String menu = "DEFAULT local\n";
  String exports = "/srv/a 10.0.0.0/24(ro)\n";

  @BeforeEach
  void setUp() {
    root = new RootFs(rootDir);
    services = new RecordingServices();
    engine = new Engine(root, services, Clock.systemUTC());
  }

  Catalog catalog() {
    BlockInFile exportsBlock =
        new BlockInFile(
            "/etc/exports",
            "NFS exports",
            ManagedBlock.HASH_COMMENTS,
            List.of(),
            List.of(ServiceAction.reexport("nfs")),
            null,
            () -> exports,
            null);
    ManagedFile menuFile =
        new ManagedFile("/srv/tftp/pxelinux.cfg/default", "PXE menu", List.of(), () -> menu);
    Path none = rootDir.resolve("none");
    return new Catalog(List.of(exportsBlock, menuFile), List.of(), TestLayouts.debian(none));
  }

  Path menuFile() {
    return root.resolve("/srv/tftp/pxelinux.cfg/default");
  }

  @Test
  void reportPolicyLeavesAPureHandEditAndSaysSo() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.writeString(menuFile(), "DEFAULT edited\n");
    Options report = Options.apply(false).withDriftPolicy(DriftPolicy.REPORT);

    Report plan = engine.reconcile(catalog(), Options.plan().withDriftPolicy(DriftPolicy.REPORT));
    Report applied = engine.reconcile(catalog(), report);

    for (Report r : List.of(plan, applied)) {
      ResourceResult menuResult = r.resources().get(1);
      assertThat(menuResult.status()).isEqualTo(Status.REPORTED);
      assertThat(menuResult.reason()).endsWith("reported, not reverted");
      assertThat(r.handEdits()).containsExactly(menuResult);
      assertThat(r.changes()).isEmpty();
    }
    assertThat(menuFile()).hasContent("DEFAULT edited");
  }

  @Test
  void reportPolicyStillAppliesASpecChange() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.writeString(menuFile(), "DEFAULT edited\n");
    menu = "DEFAULT p\n";
    Report applied =
        engine.reconcile(catalog(), Options.apply(false).withDriftPolicy(DriftPolicy.REPORT));
    assertThat(applied.resources().get(1).status()).isEqualTo(Status.APPLIED);
    assertThat(menuFile()).hasContent("DEFAULT p");
  }

  @Test
  void aDeferredResourceIsBlockedWithItsRetryTimeAndTheOthersAreApplied() {
    Catalog catalog = catalog();
    ResourceId menuId = catalog.resources().get(1).id();
    Instant retry = Instant.parse("2030-01-01T00:00:00Z");
    Report applied =
        engine.reconcile(catalog, Options.apply(false).withDeferred(Map.of(menuId, retry)));
    assertThat(applied.resources().get(1).status()).isEqualTo(Status.DEFERRED);
    assertThat(applied.resources().get(1).error()).contains("deferred").contains(retry.toString());
    assertThat(applied.resources().get(0).status()).isEqualTo(Status.APPLIED);
    assertThat(menuFile()).doesNotExist();
  }

  @Test
  void aHeldRemovalSaysWhyInItsReasonAndKeepsTheFile() {
    engine.reconcile(catalog(), Options.apply(true));
    Catalog withoutMenu =
        new Catalog(List.of(catalog().resources().get(0)), List.of(), catalog().layout());
    Report held =
        engine.reconcile(
            withoutMenu,
            Options.apply(true).withDeletionGate((deletions, recorded) -> Optional.of("wait")));
    ResourceResult menuResult = held.resources().get(1);
    assertThat(menuResult.status()).isEqualTo(Status.HELD);
    assertThat(menuResult.reason()).isEqualTo("wait");
    assertThat(menuResult.error()).isEqualTo("deletion deferred: wait");
    assertThat(held.failures()).containsExactly(menuResult);
    assertThat(menuFile()).exists();

    Report removed = engine.reconcile(withoutMenu, Options.apply(true));
    assertThat(removed.resources().get(1).status()).isEqualTo(Status.APPLIED);
    assertThat(menuFile()).doesNotExist();
  }

  @Test
  void eachHandEditIsTypedByWhatChanged() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    assertThat(engine.reconcile(catalog(), Options.plan()).resources())
        .extracting(ResourceResult::drift)
        .containsOnly(Drift.NONE);

    Files.writeString(menuFile(), "DEFAULT edited\n");
    assertThat(engine.reconcile(catalog(), Options.plan()).resources().get(1).drift())
        .isEqualTo(Drift.EDITED);
    Files.delete(menuFile());
    assertThat(engine.reconcile(catalog(), Options.plan()).resources().get(1).drift())
        .isEqualTo(Drift.REMOVED);
    engine.reconcile(catalog(), Options.apply(false));
    Files.setPosixFilePermissions(
        menuFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    ResourceResult modeOnly = engine.reconcile(catalog(), Options.plan()).resources().get(1);
    assertThat(modeOnly.drift()).isEqualTo(Drift.ATTRIBUTES);
    assertThat(modeOnly.handEdit()).isTrue();
    assertThat(modeOnly.contentEdited()).isFalse();
  }

  @Test
  void aFileNetrootNeverWroteIsUnexpectedNotAHandEdit() throws Exception {
    Files.createDirectories(menuFile().getParent());
    Files.writeString(menuFile(), "DEFAULT mine\n");
    ResourceResult first = engine.reconcile(catalog(), Options.plan()).resources().get(1);
    assertThat(first.drift()).isEqualTo(Drift.UNEXPECTED);
    assertThat(first.handEdit()).isFalse();
  }

  @Test
  void cancellationStopsBetweenResourcesAndLeavesTheRestToTheNextPass() {
    AtomicInteger asked = new AtomicInteger();
    Report applied =
        engine.reconcile(
            catalog(), Options.apply(false).withCancellation(() -> asked.incrementAndGet() > 1));
    assertThat(applied.resources().get(0).status()).isEqualTo(Status.APPLIED);
    assertThat(applied.resources().get(1).status()).isEqualTo(Status.BLOCKED);
    assertThat(applied.resources().get(1).error()).contains("stopping");
    assertThat(services.calls).isEmpty();
    assertThat(new PendingServices(root).load())
        .as("the re-export is owed to the next pass")
        .containsOnlyKeys(ServiceAction.reexport("nfs"));

    Report next = engine.reconcile(catalog(), Options.apply(false));
    assertThat(next.hasFailures()).isFalse();
    assertThat(services.calls).containsExactly("reexport");
    assertThat(new PendingServices(root).load()).isEmpty();
  }

  @Test
  void aServiceActionLeftInTheJournalByACrashRunsOnTheNextPass() {
    engine.reconcile(catalog(), Options.apply(false));
    services.calls.clear();
    new PendingServices(root)
        .save(Map.of(ServiceAction.restart("dhcpd"), List.of("/etc/dhcp/dhcpd.conf")));

    Report next = engine.reconcile(catalog(), Options.apply(false));
    assertThat(next.changes()).isEmpty();
    assertThat(services.calls).containsExactly("restart dhcpd");
    assertThat(new PendingServices(root).load()).isEmpty();
  }

  @Test
  void aDryRunNeitherReadsNorWritesTheJournal() {
    new PendingServices(root)
        .save(Map.of(ServiceAction.restart("dhcpd"), List.of("/etc/dhcp/dhcpd.conf")));
    engine.reconcile(catalog(), Options.plan());
    assertThat(services.calls).isEmpty();
    assertThat(new PendingServices(root).load()).hasSize(1);
  }
}
