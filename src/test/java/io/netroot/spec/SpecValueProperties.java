package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For any value drawn from printable and control characters, written into one field of an otherwise
 * valid spec: the specs load, with exactly that value bound, only when the value is in the field's
 * grammar (so never with a control character or a line break); otherwise they are rejected with an
 * error positioned at that field.
 */
class SpecValueProperties {

  private static final String BASE = SpecFixtures.resource("base.yaml");

  /** Printable ASCII, the characters formats treat specially, and controls and line breaks. */
  private static final String ALPHABET =
      "aZ09/._-+@:=,*?[]()!\"'`$;#\\%&{}<>|~^ \t\n\r\u0000\u0001\u001b\u007f\u0085\u00e9\u2028\u2029\u202e";

  @Provide
  Arbitrary<String[]> cases() {
    Arbitrary<CheckedFields.Field> field = Arbitraries.of(CheckedFields.FIELDS);
    return field.flatMap(
        f -> {
          Arbitrary<String> wild = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(12);
          Arbitrary<String> mutated =
              Combinators.combine(
                      Arbitraries.of(f.seeds()),
                      Arbitraries.doubles().between(0, 1),
                      Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(2))
                  .as(
                      (seed, at, insert) -> {
                        int i = (int) (at * seed.length());
                        return seed.substring(0, i) + insert + seed.substring(i);
                      });
          return Arbitraries.frequencyOf(
                  net.jqwik.api.Tuple.of(2, wild),
                  net.jqwik.api.Tuple.of(3, mutated),
                  net.jqwik.api.Tuple.of(1, Arbitraries.of(f.seeds())))
              .map(value -> new String[] {f.name(), value});
        });
  }

  @Property(tries = 250)
  @StatisticsReport(onFailureOnly = true)
  void aValueLoadsOnlyWhenItsFieldsGrammarAcceptsItElseItIsRejectedAtTheField(
      @ForAll("cases") String[] fieldAndValue) throws IOException {
    CheckedFields.Field field =
        CheckedFields.FIELDS.stream()
            .filter(f -> f.name().equals(fieldAndValue[0]))
            .findFirst()
            .get();
    String value = fieldAndValue[1];
    Path dir = Files.createTempDirectory("netroot-value");
    try {
      Path file =
          SpecFixtures.write(dir, "field.yaml", field.template().replace("%s", yaml(value)));
      if (field.withBase()) {
        SpecFixtures.write(dir, "00-base.yaml", BASE);
      }
      SpecSet specs = null;
      List<SpecError> errors = List.of();
      try {
        specs = SpecLoader.load(dir);
      } catch (SpecInvalidException e) {
        errors = e.errors();
      }
      Statistics.collect(specs != null ? "loads" : "rejected");
      if (specs != null) {
        assertThat(field.bound().apply(specs)).isEqualTo(value);
        assertThat(field.grammar().test(value)).as("accepted, so in the grammar").isTrue();
        assertThat(value.codePoints().noneMatch(Grammar::isControl))
            .as("no control character is ever accepted")
            .isTrue();
      } else {
        assertThat(field.grammar().test(value))
            .as("rejected, so outside the grammar: " + errors)
            .isFalse();
        assertThat(errors)
            .as("an error at the field")
            .anySatisfy(
                e ->
                    assertThat(e.position())
                        .isEqualTo(
                            new Position(file.toString(), field.line(), e.position().column())));
        assertThat(errors)
            .allSatisfy(e -> assertThat(e.message()).doesNotContain("\n", "\r", "Exception"));
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    // both sides of every grammar are reached, or the property proves nothing
    Statistics.coverage(
        checker -> {
          checker.check("loads").percentage(p -> p > 10);
          checker.check("rejected").percentage(p -> p > 10);
        });
  }

  /** A YAML double-quoted scalar holding exactly {@code value}, every other character escaped. */
  static String yaml(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
