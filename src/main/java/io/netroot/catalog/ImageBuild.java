package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.CommandRunner;
import io.netroot.os.FillLeftovers;
import io.netroot.os.ImageGenerationDirs;
import io.netroot.os.Mmdebstrap;
import io.netroot.os.RootFs;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A root image built from distribution packages ({@code spec.build}). Its content, as the engine
 * sees it, is the {@link ImageRecipe}: the recipe of the live generation is what is observed, so a
 * changed {@code build} is a planned rebuild with a diff of the recipe.
 *
 * <p>A rebuild goes into a new directory beside the image and becomes live in one exchange ({@link
 * ImageGenerationDirs}); the generation it replaces is kept, and older ones are removed. A build
 * that fails or is killed leaves the live image as it was; the next apply removes what it left.
 * When a kept generation was built from the recipe the specs ask for (after a rollback, or specs
 * changed back), it is made live again instead of built anew.
 */
final class ImageBuild extends BaseResource {

  private static final Logger log = LoggerFactory.getLogger(ImageBuild.class);

  /** Generations kept per image: the live one and the one before it. */
  static final int KEEP = 2;

  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final RootImage image;
  private final ImageRecipe recipe;
  private final FillProgress progress;
  private final Supplier<Optional<Mmdebstrap>> builder;
  private final Clock clock;

  /**
   * @param initramfs who makes the image's initramfs ({@link io.netroot.spec.SpecSet#initramfsOf})
   */
  ImageBuild(
      RootImage image,
      RootMethod initramfs,
      FillProgress progress,
      List<ServiceAction> onSwitch,
      Supplier<Optional<Mmdebstrap>> builder,
      Clock clock) {
    super(
        ImageFill.idFor(image.path()),
        StateKind.FILE,
        image.path(),
        "root image "
            + image.name()
            + " built from "
            + image.build().distribution().yaml()
            + " "
            + image.build().suite()
            + " packages (named at "
            + image.origin().at("spec.build")
            + ")",
        List.of(),
        onSwitch);
    this.image = image;
    this.recipe = new ImageRecipe(image, initramfs);
    this.progress = progress;
    this.builder = builder;
    this.clock = clock;
  }

  ImageBuild(
      RootImage image, RootMethod initramfs, FillProgress progress, List<ServiceAction> onSwitch) {
    this(image, initramfs, progress, onSwitch, Mmdebstrap::installed, Clock.systemUTC());
  }

  @Override
  public Content desired() {
    return Content.text(recipe.text());
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Optional<ImageGenerations> record = ImageGenerations.read(root, path());
    Optional<ImageGenerations.Generation> live = record.flatMap(ImageGenerations::liveGeneration);
    if (live.isEmpty()) {
      if (!FillLeftovers.inspect(root.resolve(path()), path()).empty()) {
        throw new NetrootException(
            "root image "
                + path()
                + " is not empty and netroot did not build it; netroot never replaces an image it"
                + " did not make. To have it built from packages, empty the directory (or move it"
                + " aside); to keep its files, remove spec.build");
      }
      return Optional.empty();
    }
    String wanted = recipe.text();
    if (wanted.equals(record.get().heldAgainst())) {
      log.debug("{}: held at generation {} by a rollback", id(), live.get().id());
      return Optional.of(desired());
    }
    return Optional.of(Content.text(live.get().recipe()));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public boolean backedUp() {
    return false;
  }

  @Override
  public void write(RootFs root, Content desired) {
    Path dir = root.resolve(path());
    ImageGenerationDirs dirs = new ImageGenerationDirs(dir, path());
    for (Path stage : dirs.leftoverStages()) {
      log.info("{}: removing {}, left by a build that did not finish", id(), stage);
      ImageGenerationDirs.removeTree(stage);
    }
    Optional<ImageGenerations> record = ImageGenerations.read(root, path());
    String wanted = recipe.text();
    Optional<ImageGenerations.Generation> kept =
        record.flatMap(r -> r.builtFrom(wanted)).filter(g -> !g.id().equals(record.get().live()));
    if (kept.isPresent()) {
      log.info("{}: making kept generation {} live again", id(), kept.get().id());
      dirs.restore(kept.get().id(), record.get().live());
      record.get().withLive(kept.get(), KEEP).write(root);
      return;
    }
    if (record.isEmpty() && !FillLeftovers.inspect(dir, path()).empty()) {
      throw new NetrootException("root image " + path() + " is no longer empty; not building it");
    }
    Mmdebstrap mmdebstrap =
        builder
            .get()
            .orElseThrow(
                () ->
                    new NetrootException(
                        "cannot build root image "
                            + path()
                            + ": mmdebstrap is not installed (apt-get install mmdebstrap)"));
    Path stage = dirs.newBuildStage();
    Path tree = stage.resolve("root");
    ImageGenerations.Generation generation;
    Path files = null;
    try {
      files = Files.createTempDirectory("netroot-build");
      Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      mmdebstrap.build(
          recipe.build(root, files),
          tree,
          line -> {
            log.info("{}: {}", id(), line);
            progress.building(path(), line);
          },
          Mmdebstrap.LIMIT);
      generation =
          new ImageGenerations.Generation(
              uniqueId(started, record),
              started.toString(),
              wanted,
              installedPackages(tree),
              ImageGenerationDirs.size(tree));
      String oldId = record.map(ImageGenerations::live).orElse(null);
      dirs.makeLive(tree, oldId == null ? "unrecorded" : oldId);
    } catch (IOException e) {
      ImageGenerationDirs.removeTree(stage);
      throw new NetrootException("cannot build root image " + path() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // mmdebstrap runs its customize hooks (which unbind the package cache) only when it succeeds
      ImageGenerationDirs.unmountIfMounted(tree.resolve("var/cache/apt/archives"));
      ImageGenerationDirs.removeTree(stage);
      throw new NetrootException(
          "building root image " + path() + " failed; the image is as it was: " + e.getMessage(),
          e);
    } finally {
      if (files != null) {
        ImageGenerationDirs.removeTree(files);
      }
    }
    ImageGenerationDirs.removeTree(stage);
    ImageGenerations next =
        record
            .orElse(new ImageGenerations(path(), null, null, List.of()))
            .withLive(generation, KEEP);
    for (ImageGenerations.Generation old :
        record.map(ImageGenerations::generations).orElse(List.of())) {
      if (next.find(old.id()).isEmpty()) {
        log.info("{}: removing generation {}", id(), old.id());
        dirs.drop(old.id());
      }
    }
    next.write(root);
    log.info(
        "{}: generation {} is live ({} packages, {} MB)",
        id(),
        generation.id(),
        generation.packages().size(),
        generation.bytes() >> 20);
  }

  @Override
  public void remove(RootFs root) {
    // never called: a root image is left as it is when no spec names it any more
  }

  private String uniqueId(Instant started, Optional<ImageGenerations> record) {
    String id = ID.format(started);
    String candidate = id;
    for (int n = 2; record.isPresent() && record.get().find(candidate).isPresent(); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  /**
   * The packages dpkg recorded in the new tree, read from its status file by this machine's dpkg.
   */
  private static Map<String, String> installedPackages(Path tree) {
    Optional<Path> dpkgQuery = CommandRunner.find("dpkg-query");
    Map<String, String> packages = new LinkedHashMap<>();
    if (dpkgQuery.isEmpty()) {
      return packages;
    }
    CommandRunner.Result result =
        new CommandRunner(60)
            .run(
                List.of(
                    dpkgQuery.get().toString(),
                    "--admindir=" + tree.resolve("var/lib/dpkg"),
                    "-W",
                    "-f=${Package}\\t${Version}\\n"));
    if (!result.ok()) {
      throw new NetrootException("dpkg-query cannot list the packages built: " + result.output());
    }
    result
        .output()
        .lines()
        .map(l -> l.split("\t", 2))
        .filter(p -> p.length == 2 && !p[1].isEmpty())
        .forEach(p -> packages.put(p[0], p[1]));
    return packages;
  }
}
