package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.BlockInFile;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.CopiedFile;
import io.netroot.catalog.ManagedFile;
import io.netroot.catalog.OwnedDirectory;
import io.netroot.catalog.Resource;
import io.netroot.catalog.Resource.StateKind;
import io.netroot.catalog.ResourceId;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.RootFs;
import io.netroot.os.Sha256;
import io.netroot.render.ManagedBlock;
import io.netroot.state.Backups;
import io.netroot.state.IntentJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the next run makes of what a killed or failing run left behind. */
class CrashRecoveryTest {

  @TempDir Path rootDir;
  @TempDir Path sources;
  @TempDir Path victim;

  RootFs root;
  RecordingServices services;
  Engine engine;
  String menu = "DEFAULT local\n";

  /** Set to make the state file unwritable while a pass runs, after it was read. */
  boolean breakStateDuringPass;

  List<String> hosts = new ArrayList<>(List.of("aa", "bb"));

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(rootDir);
    services = new RecordingServices();
    engine = new Engine(root, services, Clock.systemUTC());
    Files.writeString(sources.resolve("vmlinuz"), "kernel bytes");
  }

  /** A kernel, a menu and one PXE file per host, and a DHCP block naming every host. */
  Catalog catalog() {
    CopiedFile kernel =
        new CopiedFile(
            "/srv/tftp/images/k/vmlinuz",
            "kernel k",
            sources.resolve("vmlinuz"),
            null,
            null,
            List.of());
    List<Resource> resources = new ArrayList<>(List.of(kernel));
    resources.add(
        new ManagedFile(
            "/srv/tftp/pxelinux.cfg/default", "PXE menu", List.of(kernel.id()), this::menu));
    List<ResourceId> tftp = new ArrayList<>(List.of(kernel.id()));
    for (String host : hosts) {
      ManagedFile pxe =
          new ManagedFile(
              "/srv/tftp/pxelinux.cfg/01-" + host,
              "PXE config of host " + host,
              List.of(kernel.id()),
              () -> "DEFAULT " + host + "\n");
      resources.add(pxe);
      tftp.add(pxe.id());
    }
    resources.add(
        new BlockInFile(
            "/etc/dhcp/dhcpd.conf",
            "DHCP hosts",
            ManagedBlock.HASH_COMMENTS,
            tftp,
            List.of(ServiceAction.restart("dhcpd")),
            null,
            () -> String.join("", hosts.stream().map(h -> "host " + h + " {}\n").toList()),
            null));
    return new Catalog(
        resources,
        List.of(
            new OwnedDirectory("/srv/tftp/pxelinux.cfg"), new OwnedDirectory("/srv/tftp/images")),
        TestLayouts.debian(sources));
  }

  private String menu() {
    if (breakStateDuringPass) {
      try {
        Path state = file("/var/lib/netroot/state.json");
        Files.deleteIfExists(state);
        Files.createDirectories(state.resolve("in-the-way"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return menu;
  }

  private Report apply(boolean prune) {
    return engine.reconcile(catalog(), Options.apply(prune));
  }

  private Report plan() {
    return engine.reconcile(catalog(), Options.plan());
  }

  private Path file(String serverPath) {
    return rootDir.resolve(serverPath.substring(1));
  }

  private List<Path> tempsUnder(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().contains(".netroot-")).toList();
    }
  }

  @Test
  void tempFilesOfAKilledRunAreReportedByPlanAndRemovedByTheNextApplyNeverBackedUp()
      throws Exception {
    assertThat(apply(false).hasFailures()).isFalse();
    List<String> temps =
        List.of(
            "/srv/tftp/pxelinux.cfg/.01-cc.netroot-00000000deadbeef",
            "/srv/tftp/images/k/.vmlinuz.netroot-1a2b",
            "/etc/dhcp/.dhcpd.conf.netroot-0123456789abcdef",
            "/var/lib/netroot/.state.json.netroot-00ff00ff00ff00ff",
            "/var/lib/netroot/backups/x/srv/.f.netroot-abc");
    for (String temp : temps) {
      Files.createDirectories(file(temp).getParent());
      Files.writeString(file(temp), "half a file");
    }
    // a link by a temporary file's name is removed as the link; what it points to stays
    Files.writeString(victim.resolve("keep"), "not netroot's");
    Path link = file("/srv/tftp/pxelinux.cfg/.x.netroot-0a");
    Files.createSymbolicLink(link, victim.resolve("keep"));
    // a name that only looks alike is someone else's
    Files.writeString(file("/etc/dhcp/.dhcpd.conf.netroot-notes"), "mine");

    Report plan = plan();
    assertThat(plan.leftovers())
        .containsExactlyInAnyOrder(
            temps.get(0),
            temps.get(1),
            temps.get(2),
            temps.get(3),
            temps.get(4),
            "/srv/tftp/pxelinux.cfg/.x.netroot-0a");
    assertThat(plan.unexpected()).isEmpty();
    assertThat(plan.hasChanges()).isTrue();
    assertThat(file(temps.get(0))).exists();

    Report applied = apply(true);
    assertThat(applied.leftovers()).hasSize(6);
    assertThat(applied.unexpected()).isEmpty();
    assertThat(tempsUnder(rootDir)).containsExactly(file("/etc/dhcp/.dhcpd.conf.netroot-notes"));
    assertThat(victim.resolve("keep")).hasContent("not netroot's");
    assertThat(new Backups(root, Clock.systemUTC()).list()).isEmpty();
    assertThat(plan().leftovers()).isEmpty();
  }

  @Test
  void renamesOfAKilledBatchAreNetrootsOwnWritesNotHandEdits() throws Exception {
    apply(false);
    String v2 = "DEFAULT new\n";
    String path = "/srv/tftp/pxelinux.cfg/default";
    ResourceId id = ResourceId.parse("file:" + path);
    menu = v2;
    // the killed pass: journal written, file renamed into place, state never saved
    new IntentJournal(root)
        .save(
            List.of(
                new IntentJournal.Write(
                    id.value(),
                    path,
                    StateKind.FILE,
                    Sha256.of(v2.getBytes(StandardCharsets.UTF_8)))));
    Files.writeString(file(path), v2);

    Report plan = plan();
    assertThat(plan.handEdits()).isEmpty();
    assertThat(plan.changes()).isEmpty();

    Report applied = apply(false);
    assertThat(applied.handEdits()).isEmpty();
    assertThat(file("/var/lib/netroot/intent.json")).doesNotExist();
    assertThat(new Backups(root, Clock.systemUTC()).list()).isEmpty();

    // consumed: an edit made afterwards is a hand edit again
    Files.writeString(file(path), "DEFAULT mine\n");
    assertThat(plan().handEdits()).extracting(ResourceResult::path).containsExactly(path);
  }

  @Test
  void withoutTheJournalTheSameRenameIsAHandEdit() throws Exception {
    apply(false);
    menu = "DEFAULT new\n";
    Files.writeString(file("/srv/tftp/pxelinux.cfg/default"), menu);
    assertThat(plan().handEdits()).hasSize(1);
  }

  @Test
  void anApplyLeavesNoJournalAndJournalsItsWritesBeforeRenaming() throws Exception {
    apply(false);
    assertThat(file("/var/lib/netroot/intent.json")).doesNotExist();
    // a state that cannot be saved leaves the journal for the next run
    menu = "DEFAULT changed\n";
    breakStateDuringPass = true;
    Report applied = apply(false);
    assertThat(file("/var/lib/netroot/intent.json")).content().contains("pxelinux.cfg/default");
    assertThat(applied.errors()).hasSize(1);
  }

  @Test
  void aStateThatCannotBeSavedIsAnErrorInTheReportAndTheChangesAreStillReported() throws Exception {
    Path state = file("/var/lib/netroot/state.json");
    breakStateDuringPass = true;
    Report applied = apply(false);
    breakStateDuringPass = false;
    assertThat(applied.changes()).hasSize(5);
    assertThat(file("/srv/tftp/pxelinux.cfg/01-aa")).hasContent("DEFAULT aa\n");
    assertThat(applied.errors())
        .singleElement()
        .asString()
        .startsWith("cannot write " + state)
        .contains("the next run recognises them as netroot's own");
    assertThat(applied.hasFailures()).isTrue();

    // the next run, with the state directory fixed, finds no hand edit
    Files.delete(state.resolve("in-the-way"));
    Files.delete(state);
    assertThat(plan().handEdits()).isEmpty();
    assertThat(apply(false).hasFailures()).isFalse();
  }

  @Test
  void aCorruptStateFileIsMovedAsideByApplyAndTheFilesThatDifferAreBackedUp() throws Exception {
    apply(false);
    Path state = file("/var/lib/netroot/state.json");
    Files.writeString(state, "{\n  \"format_version\": 2,\n  oops");
    Files.writeString(file("/srv/tftp/pxelinux.cfg/01-aa"), "DEFAULT edited\n");

    Report plan = plan();
    assertThat(plan.warnings())
        .singleElement()
        .asString()
        .startsWith(state + " is not valid JSON (line 3, column 3)")
        .contains("the next apply moves it aside")
        .doesNotContain("Source");
    assertThat(state).exists();

    Report applied = apply(false);
    assertThat(applied.hasFailures()).isFalse();
    assertThat(applied.warnings()).singleElement().asString().contains("it was moved to");
    try (Stream<Path> files = Files.list(state.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("state.json.corrupt-"));
    }
    assertThat(new Backups(root, Clock.systemUTC()).list())
        .extracting(Backups.Entry::path)
        .containsExactly("/srv/tftp/pxelinux.cfg/01-aa");
    assertThat(plan().warnings()).isEmpty();
  }

  @Test
  void aCorruptServiceJournalIsMovedAsideAndEveryServiceIsRunOnce() throws Exception {
    apply(false);
    services.calls.clear();
    Path pending = file("/var/lib/netroot/pending-services.json");
    Files.writeString(pending, "{\"pending\": [");
    Report applied = apply(false);
    assertThat(applied.hasFailures()).isFalse();
    assertThat(applied.warnings())
        .singleElement()
        .asString()
        .startsWith(pending + " is not valid JSON")
        .doesNotContain("Source");
    assertThat(services.calls).containsExactly("restart dhcpd");
    assertThat(pending).doesNotExist();
  }

  @Test
  void orphanPxeFilesStayWhileTheDhcpBlockNamingTheirHostIsBlocked() throws Exception {
    apply(false);
    hosts.remove("bb");
    Files.delete(sources.resolve("vmlinuz"));

    Report applied = apply(false);
    ResourceResult orphan =
        applied.resources().stream()
            .filter(r -> r.path().equals("/srv/tftp/pxelinux.cfg/01-bb"))
            .findFirst()
            .orElseThrow();
    assertThat(orphan.status()).isEqualTo(Status.BLOCKED);
    assertThat(orphan.error())
        .startsWith("removal deferred: file:/srv/tftp/")
        .endsWith("failed or was blocked and may still name this file");
    assertThat(file("/srv/tftp/pxelinux.cfg/01-bb")).exists();
    assertThat(file("/etc/dhcp/dhcpd.conf")).content().contains("host bb");
    assertThat(plan().resources())
        .filteredOn(r -> r.path().endsWith("01-bb"))
        .extracting(ResourceResult::status)
        .containsExactly(Status.BLOCKED);

    Files.writeString(sources.resolve("vmlinuz"), "kernel bytes");
    Report fixed = apply(false);
    assertThat(fixed.hasFailures()).isFalse();
    assertThat(file("/srv/tftp/pxelinux.cfg/01-bb")).doesNotExist();
    assertThat(file("/etc/dhcp/dhcpd.conf")).content().doesNotContain("host bb");
    assertThat(Optional.of(fixed.count(Action.DELETE))).contains(1L);
  }
}
