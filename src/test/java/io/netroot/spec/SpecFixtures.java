package io.netroot.spec;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers: test resources as text, spec files written into a temporary directory. */
final class SpecFixtures {

  private SpecFixtures() {}

  static String resource(String name) {
    try (InputStream in = SpecFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SpecError> errors(Path dir) {
    SpecInvalidException thrown =
        catchThrowableOfType(() -> SpecLoader.load(dir), SpecInvalidException.class);
    if (thrown == null) {
      throw new AssertionError("expected the specs in " + dir + " to be rejected, but they loaded");
    }
    return thrown.errors();
  }
}
