package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.engine.Action;
import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.RecordingServices;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.Status;
import io.netroot.engine.TestLayouts;
import io.netroot.os.Mmdebstrap;
import io.netroot.os.RootFs;
import io.netroot.spec.Origin;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building a root image from packages, with a stand-in for mmdebstrap that runs the hooks it is
 * given: the first build, a rebuild as a new generation beside the old, a kept generation made live
 * again, a failed build that leaves the image as it was, and the image's kernel published.
 */
class ImageBuildTest {

  static final String IMAGE = "/srv/nfsroot/bookworm";

  @TempDir Path dir;
  Path root;
  Path tools;
  RootFs rootFs;
  final RecordingServices services = new RecordingServices();
  final List<String> calls = services.calls;
  Instant now = Instant.parse("2026-11-29T22:00:00Z");
  List<String> packages = List.of("linux-image-amd64", "initramfs-tools", "nfs-common");
  RootMethod initramfs = RootMethod.INITRAMFS_TOOLS;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(dir.resolve("root"));
    tools = Files.createDirectories(dir.resolve("tools"));
    Path fake = tools.resolve("mmdebstrap");
    try (var in = getClass().getResourceAsStream("fake-mmdebstrap")) {
      Files.write(fake, in.readAllBytes());
    }
    fake.toFile().setExecutable(true);
    rootFs = new RootFs(root);
  }

  RootImage image() {
    return new RootImage(
        "bookworm",
        IMAGE,
        null,
        new RootImage.Build(RootImage.Distribution.DEBIAN, "bookworm", packages, null, null),
        true,
        RootImage.Overlay.TMPFS,
        RootImage.Devices.DEVTMPFS,
        List.of(),
        List.of(new RootImage.ImageFile("/etc/motd", "diskless\n", 0644, "images.yaml:12:7")),
        Origin.synthetic("images.yaml"));
  }

  Catalog catalog() {
    RootImage image = image();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    ImageBuild build =
        new ImageBuild(
            image,
            initramfs,
            FillProgress.NONE,
            List.of(ServiceAction.reexport("nfs")),
            () -> Optional.of(new Mmdebstrap(tools.resolve("mmdebstrap"))),
            clock);
    List<Resource> resources = new ArrayList<>();
    resources.add(build);
    resources.add(new ImageFile(IMAGE, "bookworm", image.files().get(0), List.of(build.id())));
    for (ImageKernelFile.Part part : ImageKernelFile.Part.values()) {
      resources.add(
          new ImageKernelFile(
              "/srv/tftp/images/bookworm/"
                  + (part == ImageKernelFile.Part.KERNEL ? "vmlinuz" : "initrd.img"),
              part.name(),
              rootFs,
              IMAGE,
              "bookworm",
              part,
              List.of(build.id())));
    }
    return new Catalog(resources, List.of(), TestLayouts.debian(dir.resolve("none")));
  }

  Report run(Options options) {
    return new Engine(rootFs, services, Clock.fixed(now, ZoneOffset.UTC))
        .reconcile(catalog(), options);
  }

  Path image(String rel) {
    return root.resolve(IMAGE.substring(1)).resolve(rel);
  }

  @Test
  void aPlanFromNothingShowsTheBuildAndTheKernelItWillPublish() {
    Report plan = run(Options.plan());

    assertThat(plan.resources())
        .extracting(ResourceResult::status)
        .containsExactly(Status.PLANNED, Status.PLANNED, Status.PLANNED, Status.PLANNED);
    assertThat(plan.resources().get(0).desired().text())
        .contains("suite: bookworm")
        .contains("  initramfs-tools\n  linux-image-amd64\n  nfs-common\n")
        .contains("overlay: tmpfs");
    assertThat(plan.resources().get(2).reason())
        .startsWith("from what is made before it: root image bookworm has no /boot/vmlinuz-*");
    assertThat(root.resolve("srv")).doesNotExist();
    assertThat(tools.resolve("args")).doesNotExist();
  }

  @Test
  void anApplyBuildsTheImageWithNetrootsInitramfsFilesAndPublishesItsNewestKernel()
      throws Exception {
    Report apply = run(Options.apply(false));

    assertThat(apply.hasFailures()).as("%s", apply.resources()).isFalse();
    assertThat(image("etc/initramfs-tools/conf.d/netroot")).content().contains("BOOT=nfs");
    assertThat(image("etc/initramfs-tools/scripts/init-bottom/netroot-overlay"))
        .content()
        .contains("mount -t overlay");
    assertThat(image("etc/hostname")).as("nodes take their names from DHCP").doesNotExist();
    assertThat(image("etc/motd")).hasContent("diskless");
    assertThat(root.resolve("srv/tftp/images/bookworm/vmlinuz"))
        .hasContent("kernel 6.1.0-13-amd64");
    assertThat(root.resolve("srv/tftp/images/bookworm/initrd.img"))
        .hasContent("initramfs for 6.1.0-13-amd64 with BOOT=nfs");
    assertThat(Files.readAllLines(tools.resolve("args")))
        .contains(
            "--mode=root",
            "--variant=apt",
            "--include=initramfs-tools,linux-image-amd64,nfs-common",
            "bookworm")
        .anyMatch(
            a ->
                a.startsWith(root.resolve("srv/nfsroot").toString() + "/.bookworm.netroot-build-"));
    ImageGenerations record = ImageGenerations.read(rootFs, IMAGE).orElseThrow();
    assertThat(record.live()).isEqualTo("20261129T220000Z");
    assertThat(record.liveGeneration().orElseThrow().packages())
        .containsEntry("nfs-common", "1.0-nfs-common")
        .containsKey("base-files");
    assertThat(calls).containsExactly("reexport");
    assertThat(leftovers()).isEmpty();

    Report again = run(Options.apply(false));
    assertThat(again.changes()).isEmpty();
  }

  @Test
  void aDracutImageIsBuiltWithDracutItsNetworkAndNfsPackagesAndNetrootsDracutFiles()
      throws Exception {
    initramfs = RootMethod.DRACUT;
    packages = List.of("linux-image-amd64", "systemd-sysv");

    Report apply = run(Options.apply(false));

    assertThat(apply.hasFailures()).as("%s", apply.resources()).isFalse();
    assertThat(apply.resources().get(0).desired().text())
        .contains(
            "  dracut\n  dracut-network\n  linux-image-amd64\n  netbase\n  nfs-common\n  procps\n  systemd-sysv\n")
        .contains("initramfs: dracut, root over NFS (netroot files v1)");
    assertThat(Files.readAllLines(tools.resolve("args")))
        .contains(
            "--include=dracut,dracut-network,linux-image-amd64,netbase,nfs-common,procps,systemd-sysv");
    assertThat(image("etc/dracut.conf.d/netroot.conf")).content().contains("hostonly=\"no\"");
    assertThat(image("usr/lib/dracut/modules.d/90netroot-overlay/netroot-overlay.sh"))
        .content()
        .contains("mount -t overlay");
    assertThat(
            Files.getPosixFilePermissions(
                image("usr/lib/dracut/modules.d/90netroot-overlay/module-setup.sh")))
        .contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    assertThat(image("etc/initramfs-tools")).doesNotExist();
    assertThat(image("etc/hostname")).as("nodes take their names from DHCP").doesNotExist();
    assertThat(root.resolve("srv/tftp/images/bookworm/initrd.img"))
        .content()
        .startsWith("dracut initramfs for 6.1.0-13-amd64 with ")
        .contains(" nfs network-legacy netroot ")
        .contains(" netroot-overlay ");
    assertThat(run(Options.apply(false)).changes()).isEmpty();
  }

  @Test
  void aKernelThatTurnsToDracutIsARebuildWhosePlanShowsIt() throws Exception {
    run(Options.apply(false));
    initramfs = RootMethod.DRACUT;
    packages = List.of("linux-image-amd64", "nfs-common");
    now = now.plusSeconds(3600);

    Report plan = run(Options.plan());
    ResourceResult rebuild = plan.resources().get(0);
    assertThat(rebuild.action()).isEqualTo(Action.UPDATE);
    assertThat(rebuild.observed().text())
        .contains("  initramfs-tools\n")
        .contains("initramfs: root over NFS");
    assertThat(rebuild.desired().text())
        .contains("  dracut\n  dracut-network\n")
        .doesNotContain("initramfs-tools")
        .contains("initramfs: dracut, root over NFS");

    Report apply = run(Options.apply(false));
    assertThat(apply.hasFailures()).as("%s", apply.resources()).isFalse();
    assertThat(root.resolve("srv/tftp/images/bookworm/initrd.img"))
        .content()
        .startsWith("dracut initramfs");
  }

  @Test
  void aChangedBuildIsARebuildBesideTheOldGenerationWhichIsKept() throws Exception {
    run(Options.apply(false));
    packages = List.of("linux-image-amd64", "initramfs-tools", "nfs-common", "vim");
    now = now.plusSeconds(3600);
    Files.writeString(tools.resolve("release"), "6.1.0-14-amd64");

    Report plan = run(Options.plan());
    ResourceResult rebuild = plan.resources().get(0);
    assertThat(rebuild.action()).isEqualTo(Action.UPDATE);
    assertThat(rebuild.observed().text()).doesNotContain("vim");
    assertThat(rebuild.desired().text()).contains("  vim\n");

    Report apply = run(Options.apply(false));
    assertThat(apply.hasFailures()).as("%s", apply.resources()).isFalse();
    ImageGenerations record = ImageGenerations.read(rootFs, IMAGE).orElseThrow();
    assertThat(record.generations())
        .extracting(ImageGenerations.Generation::id)
        .containsExactly("20261129T230000Z", "20261129T220000Z");
    assertThat(image("etc/included")).content().contains("vim");
    Path kept = root.resolve("srv/nfsroot/.bookworm.netroot-generations/20261129T220000Z");
    assertThat(kept.resolve("etc/included")).content().doesNotContain("vim");
    assertThat(root.resolve("srv/tftp/images/bookworm/vmlinuz"))
        .hasContent("kernel 6.1.0-14-amd64");

    // the specs go back: the kept generation is made live again, not built
    packages = List.of("linux-image-amd64", "initramfs-tools", "nfs-common");
    Files.delete(tools.resolve("args"));
    Report back = run(Options.apply(false));
    assertThat(back.hasFailures()).isFalse();
    assertThat(tools.resolve("args")).as("nothing built").doesNotExist();
    assertThat(image("etc/included")).content().doesNotContain("vim");
    assertThat(ImageGenerations.read(rootFs, IMAGE).orElseThrow().live())
        .isEqualTo("20261129T220000Z");
  }

  @Test
  void aRollbackMakesThePreviousGenerationLiveAndHoldsItUntilTheBuildChanges() throws Exception {
    run(Options.apply(false));
    packages = List.of("linux-image-amd64", "initramfs-tools", "nfs-common", "vim");
    now = now.plusSeconds(3600);
    run(Options.apply(false));
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(
        specs.resolve("server.yaml"),
        """
        apiVersion: netroot/v1
        kind: BootServer
        metadata: {name: bootsrv}
        spec: {address: 10.0.0.1, platform: debian, tftpRoot: /srv/tftp}
        ---
        apiVersion: netroot/v1
        kind: RootImage
        metadata: {name: bookworm}
        spec:
          path: /srv/nfsroot/bookworm
          build: {distribution: debian, suite: bookworm, packages: [vim]}
        """);

    StringWriter out = new StringWriter();
    int exit =
        io.netroot.cli.Main.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "images",
            "rollback",
            "bookworm",
            "--root",
            root.toString(),
            "--specs",
            specs.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("generation 20261129T220000Z is live again (was 20261129T230000Z)");
    assertThat(image("etc/included")).content().doesNotContain("vim");
    assertThat(new io.netroot.state.PendingServices(rootFs).load())
        .containsKey(ServiceAction.reexport("nfs-kernel-server"));
    Files.delete(tools.resolve("args"));
    Report held = run(Options.apply(false));
    assertThat(held.resources().get(0).status()).isEqualTo(Status.UNCHANGED);
    assertThat(tools.resolve("args")).as("not rebuilt while held").doesNotExist();

    StringWriter listed = new StringWriter();
    io.netroot.cli.Main.run(
        new PrintWriter(listed, true),
        new PrintWriter(new StringWriter(), true),
        "images",
        "--root",
        root.toString());
    assertThat(listed.toString())
        .contains("/srv/nfsroot/bookworm  (rolled back; held until spec.build changes)")
        .contains("* 20261129T220000Z")
        .contains("debian bookworm: initramfs-tools, linux-image-amd64, nfs-common, vim");

    StringWriter json = new StringWriter();
    io.netroot.cli.Main.run(
        new PrintWriter(json, true),
        new PrintWriter(new StringWriter(), true),
        "images",
        "--json",
        "--root",
        root.toString());
    com.fasterxml.jackson.databind.JsonNode doc =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
    assertThat(doc.path("images").get(0).path("live").asText()).isEqualTo("20261129T220000Z");
    assertThat(doc.path("images").get(0).path("heldAgainst").asText()).contains("  vim\n");
    assertThat(
            doc.path("images")
                .get(0)
                .path("generations")
                .get(0)
                .path("packages")
                .path("vim")
                .asText())
        .isEqualTo("1.0-vim");

    packages = List.of("linux-image-amd64", "initramfs-tools", "nfs-common", "curl");
    now = now.plusSeconds(3600);
    Report rebuilt = run(Options.apply(false));
    assertThat(rebuilt.resources().get(0).status()).isEqualTo(Status.APPLIED);
    assertThat(image("etc/included")).content().contains("curl");
    assertThat(ImageGenerations.read(rootFs, IMAGE).orElseThrow().heldAgainst()).isNull();
  }

  @Test
  void aFailedBuildFailsTheImageBlocksWhatIsInsideAndLeavesNothingBehind() throws Exception {
    run(Options.apply(false));
    packages = List.of("linux-image-amd64", "no-such-package");
    Files.writeString(tools.resolve("fail"), "no-such-package");

    Report apply = run(Options.apply(false));

    assertThat(apply.resources().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(apply.resources().get(0).error())
        .contains("the image is as it was")
        .contains("E: Unable to locate package no-such-package");
    assertThat(apply.resources().subList(1, 4))
        .extracting(ResourceResult::status)
        .containsOnly(Status.BLOCKED);
    assertThat(image("etc/included")).content().doesNotContain("no-such-package");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anImageNetrootDidNotBuildIsNeverReplaced() throws Exception {
    Files.createDirectories(image("etc"));
    Files.writeString(image("etc/precious"), "mine");

    Report plan = run(Options.plan());

    assertThat(plan.resources().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(plan.resources().get(0).error()).contains("netroot did not build it");
    assertThat(run(Options.apply(false)).resources().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(image("etc/precious")).hasContent("mine");
  }

  @Test
  void anInitramfsOfTensOfMegabytesIsPublished() throws Exception {
    Files.writeString(tools.resolve("big-initrd"), "");

    Report apply = run(Options.apply(false));

    assertThat(apply.hasFailures()).as("%s", apply.resources()).isFalse();
    assertThat(Files.size(root.resolve("srv/tftp/images/bookworm/initrd.img")))
        .isGreaterThan(20L << 20);
  }

  @Test
  void newerKernelReleasesSortByTheirNumbers() {
    assertThat(ImageKernelFile.compareReleases("6.1.0-13-amd64", "6.1.0-9-amd64")).isPositive();
    assertThat(ImageKernelFile.compareReleases("6.10.0-1-amd64", "6.9.0-1-amd64")).isPositive();
    assertThat(ImageKernelFile.compareReleases("6.1.0-1", "6.1.0-1")).isZero();
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> s = Files.list(root.resolve("srv/nfsroot"))) {
      return s.filter(p -> p.getFileName().toString().contains("netroot-build")).toList();
    }
  }
}
