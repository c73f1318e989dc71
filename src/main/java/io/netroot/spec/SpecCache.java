package io.netroot.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link SpecLoader} keeps between loads of the same specs, for a process that loads them
 * again and again (the daemon): a spec file whose bytes are exactly those of last time is not
 * parsed again, and when every file gave the very same documents and the kernel configs the checks
 * read are unchanged, the checked set of last time is handed back. Its owner decides how long it
 * lives: the daemon keeps one across passes, a one-off command makes a fresh one.
 */
public final class SpecCache {

  /** The last result of each spec file, by absolute path and path as given. */
  final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** The last checked result per specs directory, by its absolute path. */
  final Map<String, Checked> checked = new ConcurrentHashMap<>();

  /** A file's bytes and what they gave: binding depends on nothing else than these and the path. */
  record Parsed(byte[] bytes, SpecLoader.FileResult result) {}

  /**
   * A checked set and what it was checked from: when every file gave the very same documents and
   * the kernel configs the checks read are unchanged, the checks would find what they found.
   *
   * @param configs each kernel {@code .config} the checks read, with its size and modification time
   */
  record Checked(
      List<Path> files,
      List<SpecLoader.FileResult> results,
      Map<Path, String> configs,
      SpecSet specs) {

    static Checked of(List<Path> files, List<SpecLoader.FileResult> results, SpecSet specs) {
      Map<Path, String> configs = new HashMap<>();
      for (Kernel kernel : specs.kernels()) {
        if (kernel.config() != null) {
          configs.put(kernel.config(), stamp(kernel.config()));
        }
      }
      return new Checked(List.copyOf(files), List.copyOf(results), configs, specs);
    }

    boolean isFor(List<Path> files, List<SpecLoader.FileResult> results) {
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
}
