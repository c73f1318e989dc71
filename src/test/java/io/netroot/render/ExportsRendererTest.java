package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsRendererTest {

  @Test
  void seedExportIsOneLine() {
    assertThat(new ExportsRenderer(RenderFixtures.seed()).blockBody())
        .isEqualTo("/storage/diskless/cent55_root 10.0.0.0/24(rw,sync,no_root_squash)\n");
  }

  @Test
  void clientsAreSeparatedBySpacesAndAClientWithoutOptionsHasNoParentheses() {
    String body = render(export("/srv/a", client("10.0.0.0/24", "ro"), client("*.lab")));
    assertThat(body).isEqualTo("/srv/a 10.0.0.0/24(ro) *.lab\n");
  }

  @Test
  void pathWithSpacesIsQuoted() {
    assertThat(render(export("/srv/lab scratch", client("10.0.0.0/24", "rw"))))
        .isEqualTo("\"/srv/lab scratch\" 10.0.0.0/24(rw)\n");
  }

  @Test
  void charactersExportfsCannotReadLiterallyAreOctalEscapes() {
    assertThat(render(export("/srv/a\"b#c\te\nf", client("h"))))
        .isEqualTo("/srv/a\\042b\\043c\\011e\\012f h\n");
  }

  private static Export.Client client(String match, String... options) {
    return new Export.Client(match, List.of(options));
  }

  private static Export export(String path, Export.Client... clients) {
    return new Export("e", path, List.of(clients), false, RenderFixtures.origin("e.yaml"));
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
