package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Options that give root on a client root's rights, to clients that reach beyond the declared
 * hosts, need {@code acknowledgeInsecure: true}; to clients that stay inside, they do not.
 */
class RootGrantingExportsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "fd00::5, no_root_squash",
    "10.0.0.7, no_root_squash",
    "10.0.0.0/25, anonuid=0",
    "node1.lab, anongid=0",
    "'*', anonuid=65534",
    "@lab, root_squash",
    "::/0, all_squash"
  })
  void clientsThatStayInsideOrOptionsThatSquashLoad(String match, String option) {
    write(dir, "00-base.yaml", resource("base.yaml"));
    write(dir, "export.yaml", export(match, option, false));
    assertThat(SpecLoader.load(dir).exports()).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({
    "::/0, no_root_squash",
    "::, anonuid=0",
    "fd00::/127, anongid=0",
    "@lab, no_root_squash",
    "node?.lab, anonuid=0",
    "'*', anonuid=00"
  })
  void clientsThatReachBeyondTheHostsNeedAcknowledgement(String match, String option) {
    write(dir, "00-base.yaml", resource("base.yaml"));
    write(dir, "export.yaml", export(match, option, false));
    assertThat(errors(dir))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.position().line()).isEqualTo(7);
              assertThat(e.message()).contains(" gets " + option + ", so root on ");
            });
    write(dir, "export.yaml", export(match, option, true));
    assertThat(SpecLoader.load(dir).exports()).hasSize(2);
  }

  private static String export(String match, String option, boolean acknowledge) {
    return "apiVersion: netroot/v1\nkind: Export\nmetadata: {name: other}\nspec:\n"
        + "  path: /srv/other\n"
        + "  clients:\n"
        + "    - match: \""
        + match
        + "\"\n"
        + "      options: [rw, "
        + option
        + "]\n"
        + (acknowledge ? "  acknowledgeInsecure: true\n" : "");
  }
}
