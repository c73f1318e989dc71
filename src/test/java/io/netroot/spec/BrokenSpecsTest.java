package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads each case of the broken-spec corpus ({@code broken/*.yaml}, or {@code broken/NAME/} for a
 * case needing several files) together with the valid {@code base.yaml}, and checks that exactly
 * the error its {@code # expect: LINE:COL: text} header names is reported, in that file.
 */
class BrokenSpecsTest {

  private static final Pattern EXPECT =
      Pattern.compile("(?m)^# expect: (?:(\\d+):(\\d+): (.+)|nothing)$");

  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = corpus();
    try (Stream<Path> entries = Files.list(root)) {
      return entries.map(p -> root.relativize(p).toString()).sorted().toList().stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BrokenSpecsTest.class.getResource("broken").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBrokenCaseReportsExactlyItsExpectedErrorAtItsPosition(String name) throws Exception {
    Path source = corpus().resolve(name);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    Path expectFile = null;
    Matcher expect = null;
    boolean withBase = true;
    for (Path file : files) {
      String text = Files.readString(file);
      Path target =
          Files.isDirectory(source)
              ? Path.of(name).resolve(source.relativize(file))
              : Path.of(name);
      write(dir, target.toString(), text);
      Matcher matcher = EXPECT.matcher(text);
      if (matcher.find()) {
        expectFile = dir.resolve(target);
        expect = matcher;
      }
      withBase &= !text.contains("# base: none");
    }
    assertThat(expect).as("a '# expect:' header in " + name).isNotNull();
    if (withBase) {
      write(dir, "00-base.yaml", resource("base.yaml"));
    }
    if (expect.group(1) == null) {
      assertThatCode(() -> SpecLoader.load(dir)).doesNotThrowAnyException();
      return;
    }
    List<SpecError> errors = SpecFixtures.errors(dir);
    Position at =
        new Position(
            expectFile.toString(),
            Integer.parseInt(expect.group(1)),
            Integer.parseInt(expect.group(2)));
    String text = expect.group(3);
    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.position()).isEqualTo(at);
              assertThat(error.message()).contains(text);
            });
  }
}
