package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.AttributeChange;
import io.netroot.catalog.BlockInFile;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Content;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.ConfigChecker;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import io.netroot.state.Backups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand edit made while a pass decides (after the file was observed, before it is written) is
 * neither lost nor overwritten: the write refuses, the resource fails this pass, and the next pass
 * decides on the edited file.
 */
class ObserveOnceTest {

  @TempDir Path rootDir;
  @TempDir Path sources;

  RootFs root;
  Engine engine;
  String exportsBody = "/srv/a 10.0.0.0/24(ro)\n";
  String hostConfig = "DEFAULT p\n";

  /** Run by the seam between the engine's observe and its write, or null for none. */
  Runnable betweenObserveAndWrite;

  @BeforeEach
  void setUp() {
    root = new RootFs(rootDir);
    engine = new Engine(root, new RecordingServices(), Clock.systemUTC());
  }

  Catalog catalog() {
    BlockInFile exports =
        new BlockInFile(
            "/etc/exports",
            "NFS exports",
            ManagedBlock.HASH_COMMENTS,
            List.of(),
            List.of(ServiceAction.reexport("nfs")),
            null,
            () -> exportsBody,
            null);
    ManagedFile host =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/01-aa", "PXE config of host h", List.of(), () -> hostConfig);
    return new Catalog(
        List.of(new EditedBeforeWrite(exports), new EditedBeforeWrite(host)),
        List.of(new OwnedDirectory("/srv/tftp/pxelinux.cfg")),
        TestLayouts.debian(sources));
  }

  @Test
  void aBlockFileEditedAfterObserveIsNotWrittenAndTheNextPassKeepsTheEdit() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path exports = root.resolve("/etc/exports");
    exportsBody = "/srv/b 10.0.0.0/24(ro)\n";
    String handEdited = "/srv/admin 10.1.0.0/24(rw)\n" + Files.readString(exports);
    betweenObserveAndWrite = () -> write(exports, handEdited);

    Report applied = engine.reconcile(catalog(), Options.apply(false));

    assertThat(applied.hasFailures()).isTrue();
    assertThat(applied.failures())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(BlockInFile.idFor("/etc/exports"));
              assertThat(r.status()).isEqualTo(Status.FAILED);
              assertThat(r.error())
                  .isEqualTo(
                      "/etc/exports changed on disk while netroot was deciding; checked again"
                          + " next pass");
            });
    assertThat(exports).hasContent(handEdited);

    betweenObserveAndWrite = null;
    Report next = engine.reconcile(catalog(), Options.apply(false));
    assertThat(next.hasFailures()).isFalse();
    assertThat(Files.readString(exports))
        .startsWith("/srv/admin 10.1.0.0/24(rw)\n")
        .contains("/srv/b 10.0.0.0/24(ro)")
        .doesNotContain("/srv/a ");
  }

  @Test
  void aHandEditInsideTheBlockMadeAfterObserveIsBackedUpByTheNextPass() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path exports = root.resolve("/etc/exports");
    exportsBody = "/srv/b 10.0.0.0/24(ro)\n";
    // only the spec changed when observed: no backup is decided on, so the edit must not land
    String handEdited = Files.readString(exports).replace("(ro)", "(rw)");
    betweenObserveAndWrite = () -> write(exports, handEdited);

    engine.reconcile(catalog(), Options.apply(false));
    assertThat(exports).hasContent(handEdited);
    assertThat(new Backups(root, Clock.systemUTC()).list()).isEmpty();

    betweenObserveAndWrite = null;
    Report next = engine.reconcile(catalog(), Options.apply(false));
    assertThat(next.hasFailures()).isFalse();
    List<Backups.Entry> backups = new Backups(root, Clock.systemUTC()).list();
    assertThat(backups)
        .singleElement()
        .satisfies(b -> assertThat(b.path()).isEqualTo("/etc/exports"));
    assertThat(root.resolve("/var/lib/netroot/backups/" + backups.get(0).id() + "/etc/exports"))
        .hasContent(handEdited);
  }

  @Test
  void aWholeFileEditedAfterObserveIsNotOverwritten() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Path host = root.resolve("/srv/tftp/pxelinux.cfg/01-aa");
    hostConfig = "DEFAULT q\n";
    betweenObserveAndWrite = () -> write(host, "DEFAULT by-hand\n");

    Report applied = engine.reconcile(catalog(), Options.apply(false));

    assertThat(applied.failures())
        .singleElement()
        .satisfies(
            r -> assertThat(r.error()).contains("changed on disk while netroot was deciding"));
    assertThat(host).hasContent("DEFAULT by-hand\n");

    betweenObserveAndWrite = null;
    Report next = engine.reconcile(catalog(), Options.apply(false));
    assertThat(next.hasFailures()).isFalse();
    assertThat(host).hasContent("DEFAULT q\n");
    assertThat(new Backups(root, Clock.systemUTC()).list())
        .singleElement()
        .satisfies(b -> assertThat(b.path()).isEqualTo("/srv/tftp/pxelinux.cfg/01-aa"));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A resource whose file is changed by the test after the engine observed it, before it writes.
   */
  private final class EditedBeforeWrite implements Resource {
    private final Resource resource;

    EditedBeforeWrite(Resource resource) {
      this.resource = resource;
    }

    @Override
    public void write(RootFs root, Content desired) {
      if (betweenObserveAndWrite != null) {
        betweenObserveAndWrite.run();
      }
      resource.write(root, desired);
    }

    @Override
    public ResourceId id() {
      return resource.id();
    }

    @Override
    public String path() {
      return resource.path();
    }

    @Override
    public String description() {
      return resource.description();
    }

    @Override
    public StateKind stateKind() {
      return resource.stateKind();
    }

    @Override
    public List<ResourceId> dependsOn() {
      return resource.dependsOn();
    }

    @Override
    public List<ServiceAction> notifies() {
      return resource.notifies();
    }

    @Override
    public Content desired() {
      return resource.desired();
    }

    @Override
    public Optional<Content> observe(RootFs root) {
      return resource.observe(root);
    }

    @Override
    public byte[] candidate(RootFs root, Content desired) {
      return resource.candidate(root, desired);
    }

    @Override
    public void remove(RootFs root) {
      resource.remove(root);
    }

    @Override
    public Optional<ConfigChecker> checker() {
      return resource.checker();
    }

    @Override
    public boolean backedUp() {
      return resource.backedUp();
    }

    @Override
    public Optional<AttributeChange> attributeChange() {
      return resource.attributeChange();
    }

    @Override
    public void fixAttributes(RootFs root, AttributeChange change) {
      resource.fixAttributes(root, change);
    }

    @Override
    public Optional<Found> observedFile() {
      return resource.observedFile();
    }
  }
}
