package io.netroot.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a directory of spec files into a checked {@link SpecSet}. All problems are collected,
 * across all files, before failing, so a user fixes them in one round rather than one per run.
 */
public final class SpecLoader {

  /** File, then line, then column: the order an editor's error list uses. */
  static final Comparator<Position> POSITION_ORDER =
      Comparator.comparing(Position::file)
          .thenComparingInt(Position::line)
          .thenComparingInt(Position::column);

  private static final Logger log = LoggerFactory.getLogger(SpecLoader.class);

  private SpecLoader() {}

  /**
   * Loads every *.yaml / *.yml file under specsDir (recursively, sorted by path), checks them, and
   * returns the set; throws SpecInvalidException listing ALL problems found.
   *
   * @param specsDir the specs directory; positions in errors name files below it as given here
   * @throws SpecInvalidException with every problem, sorted by file, line and column
   */
  public static SpecSet load(Path specsDir) {
    List<SpecError> errors = new ArrayList<>();
    Catalog catalog = new Catalog();
    List<Path> files = SpecFiles.find(specsDir, errors);
    // Files are parsed and bound in parallel, each into its own catalog and error list, then
    // merged in path order: the result is what one file after another gives.
    List<FileResult> results =
        (files.size() > 1 ? files.parallelStream() : files.stream())
            .map(SpecLoader::loadFile)
            .toList();
    Checked last = CHECKED.get(specsDir.toAbsolutePath().toString());
    if (last != null && last.isFor(files, results)) {
      // Nothing the checks read has changed: the same files gave the same documents.
      return last.specs();
    }
    for (FileResult result : results) {
      errors.addAll(result.errors());
      catalog.addAll(result.catalog());
    }
    // files no longer under the specs are forgotten
    Set<String> current = new HashSet<>();
    files.forEach(file -> current.add(file.toAbsolutePath() + "\0" + file));
    PARSED
        .keySet()
        .removeIf(key -> key.startsWith(specsDir.toAbsolutePath() + "/") && !current.contains(key));
    // The documents that bound well, with the lookups the checks and then the renderers use; when
    // the checks pass this is the set handed out.
    List<BootServer> servers = catalog.all(BootServer.class);
    SpecSet specs =
        new SpecSet(
            servers.isEmpty() ? null : servers.get(0),
            catalog.all(Network.class),
            catalog.all(Kernel.class),
            catalog.all(RootImage.class),
            catalog.all(Export.class),
            catalog.all(Profile.class),
            catalog.all(Host.class));
    if (errors.isEmpty() || !catalog.documents().isEmpty()) {
      errors.addAll(
          SpecValidator.validate(catalog, specs, new Position(specsDir.toString(), 1, 1)));
    }
    if (!errors.isEmpty()) {
      List<SpecError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparing(SpecError::position, POSITION_ORDER));
      throw new SpecInvalidException(sorted);
    }
    CHECKED.put(specsDir.toAbsolutePath().toString(), Checked.of(files, results, specs));
    return specs;
  }

  /**
   * The last checked result per specs directory, for a process that loads the same specs again and
   * again (the daemon): when every file gave the very same documents and the kernel configs the
   * checks read are unchanged, the checks would find what they found last time.
   *
   * @param configs each kernel {@code .config} the checks read, with its size and modification time
   */
  private record Checked(
      List<Path> files, List<FileResult> results, Map<Path, String> configs, SpecSet specs) {

    static Checked of(List<Path> files, List<FileResult> results, SpecSet specs) {
      Map<Path, String> configs = new java.util.HashMap<>();
      for (Kernel kernel : specs.kernels()) {
        if (kernel.config() != null) {
          configs.put(kernel.config(), stamp(kernel.config()));
        }
      }
      return new Checked(List.copyOf(files), List.copyOf(results), configs, specs);
    }

    boolean isFor(List<Path> files, List<FileResult> results) {
      if (!this.files.equals(files) || this.results.size() != results.size()) {
        return false;
      }
      for (int i = 0; i < results.size(); i++) {
        if (this.results.get(i) != results.get(i)) {
          return false;
        }
      }
      return configs.entrySet().stream().allMatch(e -> e.getValue().equals(stamp(e.getKey())));
    }

    private static String stamp(Path file) {
      try {
        return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
      } catch (IOException e) {
        return "missing";
      }
    }
  }

  private static final Map<String, Checked> CHECKED = new ConcurrentHashMap<>();

  /** One file's documents and problems. */
  private record FileResult(Catalog catalog, List<SpecError> errors) {}

  /** A file's bytes and what they gave: binding depends on nothing else than these and the path. */
  private record Parsed(byte[] bytes, FileResult result) {}

  /**
   * The last result of each spec file, for a process that loads the same specs again and again (the
   * daemon): a file whose bytes are exactly those of last time is not parsed again.
   */
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

  private static FileResult loadFile(Path file) {
    String key = file.toAbsolutePath() + "\0" + file;
    List<SpecError> unreadable = new ArrayList<>();
    byte[] bytes = SpecFileReader.read(file, unreadable);
    if (bytes == null) {
      Catalog catalog = new Catalog();
      catalog.unreadable();
      PARSED.remove(key);
      return new FileResult(catalog, unreadable);
    }
    Parsed last = PARSED.get(key);
    if (last != null && Arrays.equals(last.bytes(), bytes)) {
      return last.result();
    }
    FileResult result = parse(file, bytes);
    PARSED.put(key, new Parsed(bytes, result));
    return result;
  }

  private static FileResult parse(Path file, byte[] bytes) {
    List<SpecError> errors = new ArrayList<>();
    Catalog catalog = new Catalog();
    List<Node> documents = YamlFiles.read(file, bytes, errors);
    if (documents == null) {
      catalog.unreadable();
    } else {
      for (Node root : documents) {
        bindSafely(file, root, errors, catalog);
      }
    }
    return new FileResult(catalog, errors);
  }

  /**
   * The binders are written not to throw; this guard keeps the loader's promise (only {@link
   * SpecInvalidException} escapes) should one still do so on some odd input.
   */
  private static void bindSafely(Path file, Node root, List<SpecError> errors, Catalog catalog) {
    try {
      DocumentBinder.bind(file, root, errors, catalog);
    } catch (RuntimeException e) {
      Position at = new DocumentContext(file, errors).position(root);
      errors.add(
          new SpecError(
              at,
              "could not check this document (an internal error, logged with its stack trace);"
                  + " please report this"));
      log.warn("could not check the document at {}", at, e);
      catalog.unreadable();
    }
  }
}
