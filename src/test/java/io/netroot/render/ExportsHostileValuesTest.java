package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths, clients and options that would add an export or options to /etc/exports. */
class ExportsHostileValuesTest {

  @Test
  void anOptionThatClosesTheListAndExportsRootToEveryoneIsRefused() {
    Export export =
        new Export(
            "cent55-root",
            "/srv/root",
            List.of(
                new Export.Client("10.0.0.0/24", List.of("rw", "fsid=0)\n/ *(rw,no_root_squash"))),
            false,
            HostileSpecs.originWith("exports.yaml", "spec.clients.0.options.1", 9, 22));

    assertThatThrownBy(() -> render(export))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith(
            "exports.yaml:9:22: Export \"cent55-root\": spec.clients.0.options.1"
                + " \"fsid=0)\\n/ *(rw,no_root_squash\" cannot be written into /etc/exports: ')'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw)", "(rw", "rw,no_root_squash", "rw no_root_squash", "a#b", "\"x"})
  void anOptionHoldingExportsSyntaxIsRefused(String option) {
    Export export = HostileSpecs.export("/srv/root", new Export.Client("h", List.of(option)));

    assertThatThrownBy(() -> render(export)).hasMessageContaining("spec.clients.0.options.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "h(rw,no_root_squash)",
        "a b",
        "a,b",
        "*\n/ *",
        "-rw,no_root_squash",
        "h\\050rw\\051"
      })
  void aClientThatIsNotOneHostIsRefused(String match) {
    Export export = HostileSpecs.export("/srv/root", new Export.Client(match, List.of()));

    assertThatThrownBy(() -> render(export))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.clients.0.match");
  }

  @Test
  void aBackslashInThePathIsRefused() {
    Export export = HostileSpecs.export("/srv/a\\134", new Export.Client("h", List.of()));

    assertThatThrownBy(() -> render(export)).hasMessageContaining("backslash");
  }

  @Test
  void anEmptyPathIsRefusedRatherThanMakeTheFirstClientThePath() {
    Export export = HostileSpecs.export("", new Export.Client("/", List.of("rw")));

    assertThatThrownBy(() -> render(export)).hasMessageContaining("spec.path \"\"");
  }

  @Test
  void aPathWithALineBreakStaysOnItsLine() {
    Export export =
        HostileSpecs.export("/srv/a\n/ *(rw,no_root_squash)", new Export.Client("h", List.of()));

    assertThat(render(export)).isEqualTo("\"/srv/a\\012/ *(rw,no_root_squash)\" h\n");
  }

  @Test
  void wildcardsNetgroupsAndIpv6ClientsAreWrittenAsTheyAre() {
    Export export =
        HostileSpecs.export(
            "/srv/root",
            new Export.Client("node[0-9].lab", List.of("ro", "sec=krb5:krb5i")),
            new Export.Client("@cluster", List.of()),
            new Export.Client("fd00::/64", List.of("anonuid=65534")));

    assertThat(render(export))
        .isEqualTo(
            "/srv/root node[0-9].lab(ro,sec=krb5:krb5i) @cluster fd00::/64(anonuid=65534)\n");
  }

  private static String render(Export export) {
    SpecSet seed = RenderFixtures.seed();
    return new ExportsRenderer(
            new SpecSet(
                seed.server(),
                seed.networks(),
                seed.kernels(),
                seed.rootImages(),
                List.of(export),
                seed.profiles(),
                seed.hosts()))
        .blockBody();
  }
}
