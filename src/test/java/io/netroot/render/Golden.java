package io.netroot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a reviewed golden file, exactly. Run with {@code
 * -Dnetroot.golden.update=true} to rewrite the golden files instead; then review the diff.
 */
final class Golden {

  static final String UPDATE_PROPERTY = "netroot.golden.update";

  /** The golden files, read from the source tree (not the class path) so updates land there. */
  static final Path DIR = Path.of("src/test/resources/io/netroot/render");

  private Golden() {}

  static void assertMatches(String actual, Path goldenFile) {
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(goldenFile.toAbsolutePath().getParent());
        Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(goldenFile)) {
        fail(
            "golden file "
                + goldenFile
                + " is missing; create it with mvn test -D"
                + UPDATE_PROPERTY
                + "=true and review it");
      }
      String expected = Files.readString(goldenFile, StandardCharsets.UTF_8);
      assertEquals(
          expected,
          actual,
          "output differs from golden file "
              + goldenFile
              + " (if the change is intended, rerun with -D"
              + UPDATE_PROPERTY
              + "=true and review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
