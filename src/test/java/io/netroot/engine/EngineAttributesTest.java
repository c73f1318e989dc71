package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.DriftPolicy;
import io.netroot.catalog.BlockInFile;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine treats a file whose content is right and whose mode or owner is not. */
class EngineAttributesTest {

  @TempDir Path rootDir;

  RootFs root;
  RecordingServices services;
  Engine engine;

  @BeforeEach
  void setUp() {
    root = new RootFs(rootDir);
    services = new RecordingServices();
    engine = new Engine(root, services, Clock.systemUTC());
  }

  Catalog catalog() {
    ManagedFile menu =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/default",
            "PXE menu",
            List.of(),
            List.of(ServiceAction.restart("tftp")),
            () -> "DEFAULT local\n");
    BlockInFile exports =
        new BlockInFile(
            "/etc/exports",
            "NFS exports",
            ManagedBlock.HASH_COMMENTS,
            List.of(),
            List.of(ServiceAction.reexport("nfs")),
            null,
            () -> "/srv/a 10.0.0.0/24(ro)\n",
            null);
    return new Catalog(
        List.of(exports, menu), List.of(), TestLayouts.debian(rootDir.resolve("none")));
  }

  Path menu() {
    return root.resolve("/srv/tftp/pxelinux.cfg/default");
  }

  @Test
  void aModeChangeIsSetInPlaceWithoutBackupOrServiceAndPlanSaysTheSame() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    services.calls.clear();
    Files.setPosixFilePermissions(menu(), PosixFilePermissions.fromString("rw-------"));

    Report plan = engine.reconcile(catalog(), Options.plan());
    ResourceResult planned = plan.resources().get(1);
    assertThat(planned.action()).isEqualTo(Action.UPDATE);
    assertThat(planned.attributesOnly()).isTrue();
    assertThat(planned.handEdit()).isTrue();
    assertThat(planned.contentEdited()).isFalse();
    assertThat(planned.keepsBackup()).isFalse();
    assertThat(planned.reason())
        .isEqualTo("changed by hand since the last apply: mode 0600 → 0644");
    assertThat(plan.services()).isEmpty();

    Report applied = engine.reconcile(catalog(), Options.apply(false));
    assertThat(applied.resources().get(1).status()).isEqualTo(Status.APPLIED);
    assertThat(applied.resources().get(1).backup()).isNull();
    assertThat(applied.services()).isEmpty();
    assertThat(services.calls).isEmpty();
    assertThat(Files.getPosixFilePermissions(menu()))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(engine.reconcile(catalog(), Options.plan()).hasChanges()).isFalse();
  }

  @Test
  void reportPolicyLeavesAChangedModeAndSaysSo() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.setPosixFilePermissions(menu(), PosixFilePermissions.fromString("rw-------"));

    Report applied =
        engine.reconcile(catalog(), Options.apply(false).withDriftPolicy(DriftPolicy.REPORT));

    ResourceResult result = applied.resources().get(1);
    assertThat(result.status()).isEqualTo(Status.REPORTED);
    assertThat(result.reason()).endsWith("reported, not reverted");
    assertThat(applied.handEdits()).containsExactly(result);
    assertThat(Files.getPosixFilePermissions(menu()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aFileNetrootNeverWroteWithTheRightTextButAWrongModeIsAnUpdateNotAHandEdit()
      throws Exception {
    Files.createDirectories(menu().getParent());
    Files.writeString(menu(), "DEFAULT local\n");
    Files.setPosixFilePermissions(menu(), PosixFilePermissions.fromString("rw-rw-rw-"));

    Report applied = engine.reconcile(catalog(), Options.apply(false));

    ResourceResult result = applied.resources().get(1);
    assertThat(result.action()).isEqualTo(Action.UPDATE);
    assertThat(result.reason()).isEqualTo("mode 0666 → 0644");
    assertThat(result.handEdit()).isFalse();
    assertThat(result.backup()).isNull();
    assertThat(Files.getPosixFilePermissions(menu()))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    Report again = engine.reconcile(catalog(), Options.plan());
    assertThat(again.hasChanges()).isFalse();
    assertThat(again.hasDrift()).isFalse();
  }

  @Test
  void aSharedFileRewrittenForItsBlockLosesTheWriteBitForOthersInTheSameWrite() throws Exception {
    Path exports = root.resolve("/etc/exports");
    Files.createDirectories(exports.getParent());
    Files.writeString(exports, "/home *(ro)\n");
    Files.setPosixFilePermissions(exports, PosixFilePermissions.fromString("rw-rw-rw-"));

    Report applied = engine.reconcile(catalog(), Options.apply(false));

    assertThat(applied.resources().get(0).reason()).contains("mode 0666 → 0664");
    assertThat(exports).content().startsWith("/home *(ro)\n").contains("/srv/a 10.0.0.0/24(ro)");
    // the group is netroot's own (root), which may keep its write bit
    assertThat(Files.getPosixFilePermissions(exports))
        .isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(engine.reconcile(catalog(), Options.plan()).hasChanges()).isFalse();
  }

  @Test
  void aSymbolicLinkInTheFilesPlaceIsRewrittenNotChangedThrough() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path secret = rootDir.resolve("secret");
    Files.writeString(secret, "x\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.delete(menu());
    Files.createSymbolicLink(menu(), secret);

    Report applied = engine.reconcile(catalog(), Options.apply(false));

    assertThat(applied.resources().get(1).attributes()).isNull();
    assertThat(Files.isSymbolicLink(menu())).isFalse();
    assertThat(Files.getPosixFilePermissions(secret))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }
}
