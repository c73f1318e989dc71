package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.Catalog;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.catalog.ResourceId;
import io.netroot.os.DirectorySnapshot;
import io.netroot.os.RootFs;
import io.netroot.state.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep of owned directories never follows a symbolic link, in them or to them. */
class OwnedDirectoryLinksTest {

  @TempDir Path rootDir;
  @TempDir Path victim;
  @TempDir Path sources;

  RootFs root;
  Engine engine;
  Path cfg;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(rootDir);
    engine = new Engine(root, new RecordingServices(), Clock.systemUTC());
    cfg = rootDir.resolve("srv/tftp/pxelinux.cfg");
    Files.writeString(victim.resolve("shadow"), "root:SECRET:1::::::\n");
    Files.createDirectories(victim.resolve("dir"));
    Files.writeString(victim.resolve("dir/keep"), "keep me\n");
  }

  private Catalog catalog() {
    ManagedFile menu =
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/default",
            "PXE menu",
            List.<ResourceId>of(),
            () -> "DEFAULT local\n");
    return new Catalog(
        List.of(menu),
        List.of(new OwnedDirectory("/srv/tftp/pxelinux.cfg")),
        TestLayouts.debian(sources));
  }

  @Test
  void aLinkInAnOwnedDirectoryIsUnexpectedAndPrunedAsTheLinkItIs() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.createSymbolicLink(cfg.resolve("01-stray"), victim.resolve("shadow"));
    Files.createSymbolicLink(cfg.resolve("sub"), victim.resolve("dir"));
    Map<String, String> before = DirectorySnapshot.of(victim);

    Report plan = engine.reconcile(catalog(), Options.plan());
    Report pruned = engine.reconcile(catalog(), Options.apply(true));

    assertThat(plan.unexpected())
        .extracting(Unexpected::path)
        .containsExactly("/srv/tftp/pxelinux.cfg/01-stray", "/srv/tftp/pxelinux.cfg/sub");
    assertThat(pruned.unexpected()).allSatisfy(u -> assertThat(u.pruned()).isTrue());
    assertThat(cfg.resolve("01-stray")).doesNotExist();
    assertThat(Files.exists(cfg.resolve("sub"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(new Backups(root, Clock.systemUTC()).list())
        .extracting(Backups.Entry::link)
        .containsExactly(victim.resolve("shadow").toString(), victim.resolve("dir").toString());
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void anOwnedDirectoryThatIsALinkIsNotSweptAndItsFileFails() throws Exception {
    Files.createDirectories(cfg.getParent());
    Files.createSymbolicLink(cfg, victim.resolve("dir"));
    Map<String, String> before = DirectorySnapshot.of(victim);

    Report apply = engine.reconcile(catalog(), Options.apply(true));

    assertThat(apply.unexpected()).isEmpty();
    assertThat(apply.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(Status.FAILED);
              assertThat(r.error())
                  .isEqualTo(cfg + " is a symbolic link; netroot does not write through links");
            });
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void eachPassLooksAgainForLinks() throws Exception {
    engine.reconcile(catalog(), Options.apply(false));
    Files.move(cfg, rootDir.resolve("moved"));
    Files.createSymbolicLink(cfg, victim.resolve("dir"));
    Map<String, String> before = DirectorySnapshot.of(victim);

    Report second = engine.reconcile(catalog(), Options.apply(true));

    assertThat(second.resources())
        .singleElement()
        .extracting(ResourceResult::status)
        .isEqualTo(Status.FAILED);
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }
}
