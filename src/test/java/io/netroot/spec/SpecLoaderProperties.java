package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the spec text, the loader either loads it or throws {@link SpecInvalidException} with
 * positioned, one-line messages: never any other exception.
 */
class SpecLoaderProperties {

  private static final String SEED = SpecFixtures.resource("seed.yaml");

  /** One edit of the seed text; {@code at} and {@code other} are scaled to the text's size. */
  record Mutation(int kind, double at, double other, String text) {
    String apply(String source) {
      List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
      int i = (int) (at * source.length());
      int line = (int) (at * lines.size());
      int otherLine = (int) (other * lines.size());
      switch (kind) {
        case 0 ->
            source =
                source.substring(0, i)
                    + source.substring(Math.min(source.length(), i + 1 + text.length()));
        case 1 -> source = source.substring(0, i) + text + source.substring(i);
        case 2 ->
            source =
                source.substring(0, i)
                    + text
                    + source.substring(Math.min(source.length(), i + text.length()));
        case 3 -> {
          lines.remove(line);
          source = String.join("\n", lines);
        }
        case 4 -> {
          lines.add(line, lines.get(line));
          source = String.join("\n", lines);
        }
        case 5 -> {
          String swap = lines.get(line);
          lines.set(line, lines.get(otherLine));
          lines.set(otherLine, swap);
          source = String.join("\n", lines);
        }
        case 6 -> {
          lines.set(line, " ".repeat(text.length() % 5) + lines.get(line).stripLeading());
          source = String.join("\n", lines);
        }
        default -> {
          lines.set(line, "  " + lines.get(line));
          source = String.join("\n", lines);
        }
      }
      return source;
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars(":-[]{},#&*!|>'\"%@` \t\n.0123456789abc/")
                .ofMaxLength(4),
            Arbitraries.strings().all().ofMaxLength(3),
            Arbitraries.of(
                "null", "~", "true", "0x1F", "*a", "&a", "!!int", "---", "\t", "\uFEFF"));
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(0, 0.9999).ofScale(4),
                Arbitraries.doubles().between(0, 0.9999).ofScale(4),
                text)
            .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 300)
  void mutatedSeedEitherLoadsOrReportsOnlyPositionedErrors(
      @ForAll("mutations") List<Mutation> mutations) throws IOException {
    String text = SEED;
    for (Mutation mutation : mutations) {
      text = mutation.apply(text);
    }
    Path dir = Files.createTempDirectory("netroot-prop");
    try {
      Files.write(dir.resolve("seed.yaml"), text.getBytes(StandardCharsets.UTF_8));
      try {
        SpecLoader.load(dir);
      } catch (SpecInvalidException e) {
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.errors())
            .allSatisfy(
                error -> {
                  assertThat(error.position().line()).isGreaterThanOrEqualTo(1);
                  assertThat(error.position().column()).isGreaterThanOrEqualTo(1);
                  assertThat(error.message())
                      .isNotBlank()
                      .doesNotContain("\n", "\r", "please report this");
                });
      }
    } finally {
      Files.deleteIfExists(dir.resolve("seed.yaml"));
      Files.deleteIfExists(dir);
    }
  }
}
