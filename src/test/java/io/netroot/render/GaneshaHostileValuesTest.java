package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that would add an EXPORT or a setting to ganesha.conf. */
class GaneshaHostileValuesTest {

  @Test
  void aMatchThatAddsAnExportOfRootIsRefused() {
    String match =
        "*; } } EXPORT { Export_Id = 99; Path = /; Pseudo = /; Access_Type = RW;"
            + " Squash = No_Root_Squash; FSAL { Name = VFS; } CLIENT { Clients = *";
    Export export = HostileSpecs.export("/srv/root", new Export.Client(match, List.of("ro")));

    assertThatThrownBy(() -> render(export))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.clients.0.match")
        .hasMessageContaining("';' (U+003B) is not part of an address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a,b", "\"*\"", "a\nb", "a#b", "a=b", "10.0.0.0/0"})
  void aClientThatIsNotOneBareTermIsRefused(String match) {
    Export export = HostileSpecs.export("/srv/root", new Export.Client(match, List.of()));

    assertThatThrownBy(() -> render(export))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.clients.0.match");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/srv/a\"; Path = \"/",
        "/srv/a\\",
        "/srv/a\nb",
        "/srv/a;b",
        "/srv/a{b",
        "/srv/a}b",
        "/srv/a\u2028b"
      })
  void aPathThatCouldLeaveItsStringIsRefused(String path) {
    Export export = HostileSpecs.export(path, new Export.Client("*", List.of()));

    assertThatThrownBy(() -> render(export)).hasMessageContaining("spec.path");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anonuid=65534; Squash = No_Root_Squash",
        "anonuid=",
        "anonuid=0x10",
        "anonuid=4294967296",
        "anongid=-2147483649",
        "anongid=1e3"
      })
  void anAnonymousIdThatIsNotANumberGaneshaTakesIsRefused(String option) {
    Export export = HostileSpecs.export("/srv/root", new Export.Client("*", List.of(option)));

    assertThatThrownBy(() -> render(export))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.clients.0.options.0")
        .hasMessageContaining("decimal number");
  }

  @Test
  void anonymousIdsAreWrittenInDecimalWithoutTheLeadingZerosGaneshaReadsAsOctal() {
    Export export =
        HostileSpecs.export(
            "/srv/root", new Export.Client("*", List.of("anonuid=0100", "anongid=-2")));

    assertThat(render(export))
        .contains(
            "    Clients = *;\n"
                + "    Access_Type = RO;\n"
                + "    Squash = Root_Squash;\n"
                + "    Anonymous_Uid = 100;\n"
                + "    Anonymous_Gid = -2;\n");
  }

  @Test
  void aPathWithBlanksHashesAndQuotesOfTheOtherKindIsAString() {
    Export export = HostileSpecs.export("/srv/a b#c'd$e", new Export.Client("*", List.of()));

    assertThat(render(export)).contains("  Path = \"/srv/a b#c'd$e\";\n");
  }

  private static String render(Export export) {
    SpecSet seed = RenderFixtures.seed();
    return new GaneshaExportsRenderer(
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
