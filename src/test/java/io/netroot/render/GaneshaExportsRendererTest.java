package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GaneshaExportsRendererTest {

  @Test
  void exportIdsFollowSpecOrderFromOne() {
    String body =
        render(
            export("/srv/a", client("10.0.0.0/24", "rw")),
            export("/srv/b", client("10.0.0.0/24", "ro")));
    assertThat(body).contains("Export_Id = 1;\n  Path = \"/srv/a\";");
    assertThat(body).contains("Export_Id = 2;\n  Path = \"/srv/b\";");
  }

  @Test
  void accessAndSquashFollowTheExportsOptions() {
    String body =
        render(
            export(
                "/srv/a",
                client("10.0.0.1", "rw", "no_root_squash"),
                client("10.0.0.2"),
                client("10.0.0.3", "ro", "all_squash", "anonuid=65534", "anongid=100")));
    assertThat(body)
        .contains(
            "  CLIENT {\n"
                + "    Clients = 10.0.0.1;\n"
                + "    Access_Type = RW;\n"
                + "    Squash = No_Root_Squash;\n"
                + "  }\n"
                + "  CLIENT {\n"
                + "    Clients = 10.0.0.2;\n"
                + "    Access_Type = RO;\n"
                + "    Squash = Root_Squash;\n"
                + "  }\n"
                + "  CLIENT {\n"
                + "    Clients = 10.0.0.3;\n"
                + "    Access_Type = RO;\n"
                + "    Squash = All_Squash;\n"
                + "    Anonymous_Uid = 65534;\n"
                + "    Anonymous_Gid = 100;\n"
                + "  }\n");
    assertThat(body).contains("  Access_Type = None;\n");
  }

  @Test
  void aNetmaskBecomesAPrefixLengthAndEveryoneStaysBare() {
    assertThat(GaneshaExportsRenderer.match("10.0.0.0/255.255.255.0")).isEqualTo("10.0.0.0/24");
    assertThat(GaneshaExportsRenderer.match("10.0.0.0/255.0.255.0"))
        .isEqualTo("10.0.0.0/255.0.255.0");
    assertThat(GaneshaExportsRenderer.match("10.0.0.0/16")).isEqualTo("10.0.0.0/16");
    // Ganesha 4.3 rejects a quoted client: "Expected a client, got a double quoted string for (*)"
    assertThat(GaneshaExportsRenderer.match("*")).isEqualTo("*");
    assertThat(GaneshaExportsRenderer.match("node1.lab")).isEqualTo("node1.lab");
  }

  @Test
  void pathsAreDoubleQuoted() {
    assertThat(render(export("/srv/a b#c", client("10.0.0.0/24", "rw"))))
        .contains("  Path = \"/srv/a b#c\";\n  Pseudo = \"/srv/a b#c\";\n");
  }

  private static Export.Client client(String match, String... options) {
    return new Export.Client(match, List.of(options));
  }

  private static Export export(String path, Export.Client... clients) {
    return new Export("e", path, List.of(clients), false, RenderFixtures.origin("e.yaml"));
  }

  private static String render(Export... exports) {
    SpecSet seed = RenderFixtures.seed();
    return new GaneshaExportsRenderer(
            new SpecSet(
                seed.server(),
                seed.networks(),
                seed.kernels(),
                seed.rootImages(),
                List.of(exports),
                seed.profiles(),
                seed.hosts()))
        .blockBody();
  }
}
