package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the broken-spec corpus, given to the real {@code apply} command: exit 1, the
 * expected {@code FILE:LINE:COLUMN} on stderr, no stack trace, and nothing written under the root.
 */
class BrokenSpecsApplyTest {

  private static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (\\d+):(\\d+): ");

  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> entries = Files.list(corpus())) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("no-root-squash-acknowledged"))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BrokenSpecsApplyTest.class.getResource("/io/netroot/spec/broken").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void applyRejectsTheSpecsAndWritesNothing(String name) throws Exception {
    Path specs = dir.resolve("specs");
    Path root = dir.resolve("root");
    Files.createDirectories(root);
    Path source = corpus().resolve(name);
    String expectedPosition = null;
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path target =
            specs.resolve(
                Files.isDirectory(source)
                    ? Path.of(name).resolve(source.relativize(file))
                    : Path.of(name));
        Files.createDirectories(target.getParent());
        String text = Files.readString(file);
        Files.writeString(target, text);
        Matcher m = EXPECT.matcher(text);
        if (m.find()) {
          expectedPosition = target + ":" + m.group(1) + ":" + m.group(2) + ": ";
        }
        if (!text.contains("# base: none")) {
          Path base =
              Path.of(BrokenSpecsApplyTest.class.getResource("/io/netroot/spec/base.yaml").toURI());
          Files.copy(
              base,
              specs.resolve("00-base.yaml"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    TestBootServer.Run run =
        TestBootServer.run("apply", "--specs", specs.toString(), "--root", root.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(expectedPosition)
        .contains("nothing was changed")
        .doesNotContain("Exception");
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).as("files written under the root").isEmpty();
    }
  }
}
