package io.netroot.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /** Parts a large spec file is cut into: a few per core, so that the threads share the work. */
  private static final int PARTS = 4 * Runtime.getRuntime().availableProcessors();

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
    return load(specsDir, new SpecCache());
  }

  /**
   * As {@link #load(Path)}, reusing what {@code cache} holds from earlier loads: a process that
   * loads the same specs again and again (the daemon) keeps one cache, a one-off load a fresh one.
   *
   * @param cache the parsed files and the last checked set of earlier loads; updated by this load
   * @throws SpecInvalidException with every problem, sorted by file, line and column
   */
  public static SpecSet load(Path specsDir, SpecCache cache) {
    return load(specsDir, cache, new Comparisons());
  }

  /**
   * As {@link #load(Path)}, making the checks' comparisons through {@code comparisons}, so that
   * their number can be read afterwards.
   */
  static SpecSet load(Path specsDir, Comparisons comparisons) {
    return load(specsDir, new SpecCache(), comparisons);
  }

  /**
   * The load behind the others.
   *
   * @param comparisons what the cross-document checks compare through; one per load
   */
  private static SpecSet load(Path specsDir, SpecCache cache, Comparisons comparisons) {
    List<SpecError> errors = new ArrayList<>();
    Catalog catalog = new Catalog();
    List<Path> files = SpecFiles.find(specsDir, errors);
    // Files are parsed and bound in parallel, each into its own catalog and error list, then
    // merged in path order: the result is what one file after another gives.
    List<FileResult> results =
        (files.size() > 1 ? files.parallelStream() : files.stream())
            .map(file -> loadFile(file, cache))
            .toList();
    SpecCache.Checked last = cache.checked.get(specsDir.toAbsolutePath().toString());
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
    cache
        .parsed
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
          SpecValidator.validate(
              catalog, specs, new Position(specsDir.toString(), 1, 1), comparisons));
    }
    if (!errors.isEmpty()) {
      List<SpecError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparing(SpecError::position, POSITION_ORDER));
      throw new SpecInvalidException(sorted);
    }
    cache.checked.put(
        specsDir.toAbsolutePath().toString(), SpecCache.Checked.of(files, results, specs));
    return specs;
  }

  /** One file's documents and problems. */
  record FileResult(Catalog catalog, List<SpecError> errors) {}

  private static FileResult loadFile(Path file, SpecCache cache) {
    String key = file.toAbsolutePath() + "\0" + file;
    List<SpecError> unreadable = new ArrayList<>();
    byte[] bytes = SpecFileReader.read(file, unreadable);
    if (bytes == null) {
      Catalog catalog = new Catalog();
      catalog.unreadable();
      cache.parsed.remove(key);
      return new FileResult(catalog, unreadable);
    }
    SpecCache.Parsed last = cache.parsed.get(key);
    if (last != null && Arrays.equals(last.bytes(), bytes)) {
      return last.result();
    }
    FileResult result = parse(file, bytes);
    cache.parsed.put(key, new SpecCache.Parsed(bytes, result));
    return result;
  }

  /**
   * Parses and binds one file. A large file is cut at document boundaries ({@link YamlSplit}) and
   * its parts are parsed and bound on several threads, then merged in order: the documents and
   * errors are those of one parse. Should any part have a YAML syntax error, the whole text is
   * parsed again in one go, so that the error reported is the one a single parse finds.
   */
  private static FileResult parse(Path file, byte[] bytes) {
    List<SpecError> errors = new ArrayList<>();
    String text = YamlFiles.decode(file, bytes, errors);
    if (text == null) {
      Catalog catalog = new Catalog();
      catalog.unreadable();
      return new FileResult(catalog, errors);
    }
    List<YamlSplit.Part> parts = YamlSplit.split(text, PARTS);
    if (parts.size() > 1) {
      List<FileResult> results =
          parts.parallelStream().map(part -> parsePart(file, part, new ArrayList<>())).toList();
      if (!results.contains(null)) {
        Catalog catalog = new Catalog();
        for (FileResult result : results) {
          catalog.addAll(result.catalog());
          errors.addAll(result.errors());
        }
        return new FileResult(catalog, errors);
      }
    }
    FileResult whole = parsePart(file, new YamlSplit.Part(text, 0), errors);
    if (whole == null) {
      Catalog catalog = new Catalog();
      catalog.unreadable();
      return new FileResult(catalog, errors);
    }
    return whole;
  }

  /**
   * The documents of one part bound into a catalog of its own, with their problems added to {@code
   * errors}; or {@code null} when the part has a YAML syntax error (then in {@code errors}).
   */
  private static FileResult parsePart(Path file, YamlSplit.Part part, List<SpecError> errors) {
    List<Node> documents = YamlFiles.compose(file, part.text(), errors);
    if (documents == null) {
      return null;
    }
    Catalog catalog = new Catalog();
    for (Node root : documents) {
      bindSafely(file, part.lineOffset(), root, errors, catalog);
    }
    return new FileResult(catalog, errors);
  }

  /**
   * The binders are written not to throw; this guard keeps the loader's promise (only {@link
   * SpecInvalidException} escapes) should one still do so on some odd input.
   */
  private static void bindSafely(
      Path file, int lineOffset, Node root, List<SpecError> errors, Catalog catalog) {
    try {
      DocumentBinder.bind(file, lineOffset, root, errors, catalog);
    } catch (RuntimeException e) {
      Position at = new DocumentContext(file, lineOffset, errors).position(root);
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
