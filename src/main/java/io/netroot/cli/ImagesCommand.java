package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.catalog.ImageGenerations;
import io.netroot.catalog.ServerLayout;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.ImageGenerationDirs;
import io.netroot.os.RootFs;
import io.netroot.os.WriterLock;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import io.netroot.state.PendingServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent images}: the generations of the root images netroot built, and rollback. */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = {
      "List the generations of the root images netroot built from packages, or roll one back.",
      "Each build of an image is a generation: the live one is the image's directory, the one "
          + "before it is kept beside it. `images rollback NAME` makes the kept one live again "
          + "and holds it there until the image's spec.build changes."
    },
    subcommands = {ImagesCommand.Rollback.class})
final class ImagesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The root prefix the images belong to (default: /).")
  Path root;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RootFs rootFs = root == null ? RootFs.system() : new RootFs(root);
    List<ImageGenerations> images = all(rootFs);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format_version", "1.0");
      doc.put("images", images);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      return ExitCodes.OK;
    }
    if (images.isEmpty()) {
      out.println("no built images");
      return ExitCodes.OK;
    }
    for (ImageGenerations image : images) {
      out.println(
          image.image()
              + (image.heldAgainst() != null
                  ? "  (rolled back; held until spec.build changes)"
                  : ""));
      for (ImageGenerations.Generation g : image.generations()) {
        out.printf(
            "  %s %-18s  built %s  %d packages  %s%n",
            g.id().equals(image.live()) ? "*" : " ",
            g.id(),
            g.built(),
            g.packages().size(),
            size(g.bytes()));
        out.println("      " + summary(g.recipe()));
      }
    }
    return ExitCodes.OK;
  }

  /** The recipe on one line: distribution, suite, and the packages asked for. */
  static String summary(String recipe) {
    List<String> parts = new ArrayList<>();
    List<String> packages = new ArrayList<>();
    for (String line : recipe.lines().toList()) {
      if (line.startsWith("  ")) {
        packages.add(line.strip());
      } else if (line.startsWith("distribution: ") || line.startsWith("suite: ")) {
        parts.add(line.substring(line.indexOf(' ') + 1));
      }
    }
    return String.join(" ", parts) + ": " + String.join(", ", packages);
  }

  static String size(long bytes) {
    return bytes >= 1L << 30
        ? "%.1f GiB".formatted(bytes / (double) (1L << 30))
        : "%.0f MiB".formatted(bytes / (double) (1L << 20));
  }

  /** The records of every built image under the root. */
  static List<ImageGenerations> all(RootFs root) throws IOException {
    Path dir = root.resolve(ImageGenerations.DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ImageGenerations> images = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".generations.json")) {
          String image =
              "/"
                  + URLDecoder.decode(
                      name.substring(0, name.length() - ".generations.json".length()),
                      StandardCharsets.UTF_8);
          ImageGenerations.read(root, image).ifPresent(images::add);
        }
      }
    }
    return images;
  }

  /** {@code agent images rollback NAME}. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Make the generation built before the live one live again.",
        "NAME is the RootImage's metadata.name in --specs, or the image's path. The switch is one "
            + "rename: nodes already running keep the tree they mounted. The NFS server is told "
            + "to look the path up again by the next apply or agent pass (it is recorded as owed). "
            + "The image stays at this generation until its spec.build changes."
      })
  static final class Rollback implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The image: its name in the specs, or its path.")
    String name;

    @Option(
        names = "--root",
        paramLabel = "DIR",
        description = "The root prefix the image belongs to (default: /).")
    Path root;

    @Option(
        names = "--specs",
        paramLabel = "DIR",
        defaultValue = "/etc/netroot/specs",
        description = "The specs that name the image (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Override
    public Integer call() throws Exception {
      RootFs rootFs = root == null ? RootFs.system() : new RootFs(root);
      SpecSet set = SpecLoader.load(specs);
      String path = imagePath(set);
      try (WriterLock lock = WriterLock.acquire(rootFs, Duration.ofSeconds(30))) {
        ImageGenerations record =
            ImageGenerations.read(rootFs, path)
                .orElseThrow(
                    () -> new NetrootException("root image " + path + " was not built by netroot"));
        ImageGenerations.Generation previous =
            record
                .previous()
                .orElseThrow(
                    () ->
                        new NetrootException(
                            "root image " + path + " has no generation before the live one"));
        ImageGenerations.Generation live = record.liveGeneration().orElseThrow();
        new ImageGenerationDirs(rootFs.resolve(path), path).restore(previous.id(), live.id());
        record.rolledBackTo(previous.id(), live.recipe()).write(rootFs);
        owe(rootFs, set, path);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            path
                + ": generation "
                + previous.id()
                + " is live again (was "
                + live.id()
                + "); held there until spec.build changes");
        out.println(
            "the next apply or agent pass tells the NFS server and publishes the image's kernel");
      }
      return ExitCodes.OK;
    }

    private String imagePath(SpecSet set) {
      if (name.startsWith("/")) {
        return name;
      }
      return set.rootImages().stream()
          .filter(i -> i.name().equals(name))
          .map(RootImage::path)
          .findFirst()
          .orElseThrow(() -> new NetrootException("no RootImage named " + name + " in " + specs));
    }

    /** Records the NFS server's look-up of the path as owed, for the next pass to run. */
    private static void owe(RootFs root, SpecSet set, String path) {
      ServerLayout layout = ServerLayout.resolve(set.server(), root);
      boolean ganesha = set.server().nfs() != null && set.server().nfs().ganesha();
      ServiceAction action =
          ganesha
              ? ServiceAction.restart(layout.nfsService())
              : ServiceAction.reexport(layout.nfsService());
      PendingServices pending = new PendingServices(root);
      Map<ServiceAction, List<String>> owed = new LinkedHashMap<>(pending.load());
      List<String> causes = new ArrayList<>(owed.getOrDefault(action, List.of()));
      causes.add("image:" + path);
      owed.put(action, causes);
      pending.save(owed);
    }
  }
}
