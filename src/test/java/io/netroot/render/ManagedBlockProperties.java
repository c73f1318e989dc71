package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ManagedBlockProperties {

  private static final ManagedBlock BLOCK = ManagedBlock.HASH_COMMENTS;

  @Property
  void spliceThenFindReturnsExactlyTheBlockAndKeepsTheRest(
      @ForAll("outside") String before,
      @ForAll("outside") String after,
      @ForAll("body") String body) {
    String wrapped = BLOCK.wrap(body);
    String file = before.isEmpty() || before.endsWith("\n") ? before : before + "\n";
    String text = file + BLOCK.wrap("old body\n") + after;

    String spliced = BLOCK.splice(text, wrapped);
    ManagedBlock.Located found = BLOCK.find(spliced).orElseThrow();

    assertThat(found.text()).isEqualTo(wrapped);
    assertThat(spliced.substring(0, found.start())).isEqualTo(file);
    assertThat(spliced.substring(found.end())).isEqualTo(after);
    assertThat(BLOCK.splice(spliced, wrapped)).isEqualTo(spliced);
    assertThat(BLOCK.remove(spliced)).isEqualTo(file + after);
  }

  @Property
  void appendingKeepsTheTextAndFindsTheBlock(
      @ForAll("outside") String text, @ForAll("body") String body) {
    String wrapped = BLOCK.wrap(body);

    String spliced = BLOCK.splice(text, wrapped);
    ManagedBlock.Located found = BLOCK.find(spliced).orElseThrow();

    assertThat(found.text()).isEqualTo(wrapped);
    assertThat(spliced).startsWith(text);
    assertThat(found.end()).isEqualTo(spliced.length());
  }

  /** Text with arbitrary characters and line endings, but no line that is a marker. */
  @Provide
  Arbitrary<String> outside() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(30),
            Arbitraries.strings().withChars(" \t#BEGINDnetro\r").ofMaxLength(20),
            Arbitraries.of("# BEGIN netroo", "# END netroots", "## BEGIN netroot", ""));
    Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r", "");
    Arbitrary<String> lineWithEnding = Combinators.combine(line, ending).as(String::concat);
    return lineWithEnding
        .list()
        .ofMaxSize(8)
        .map(lines -> String.join("", lines))
        .filter(ManagedBlockProperties::hasNoMarkerLine);
  }

  @Provide
  Arbitrary<String> body() {
    return outside();
  }

  private static boolean hasNoMarkerLine(String text) {
    for (String line : List.of(text.split("\n", -1))) {
      if (BLOCK.isMarkerLine(line)) {
        return false;
      }
    }
    return true;
  }
}
