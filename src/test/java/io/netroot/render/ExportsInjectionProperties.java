package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any path, client or option, {@code /etc/exports} and {@code ganesha.conf} are either refused
 * or read back by their daemons' rules to exactly the exports the spec gave: no extra line, block,
 * client or option.
 */
class ExportsInjectionProperties {

  enum Field {
    PATH,
    MATCH,
    OPTION,
    BARE_MATCH,
    ANONUID
  }

  @Property(tries = 1000)
  void exportsFileIsRefusedOrReadsBackExactly(@ForAll Field field, @ForAll("values") String value) {
    coverage();
    Export export = export(field, value);
    String body;
    try {
      body = new ExportsRenderer(specsWith(export)).blockBody();
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("/etc/exports");
      return;
    }
    Statistics.label("outcome").collect("read back");
    String file = ManagedBlock.HASH_COMMENTS.wrap(body);

    List<ExportsReader.Line> lines = ExportsReader.read(file);

    assertThat(lines)
        .containsExactly(
            new ExportsReader.Line(
                export.path(),
                List.of(),
                export.clients().stream()
                    .map(c -> new ExportsReader.Client(c.match(), c.options()))
                    .toList()));
  }

  @Property(tries = 1000)
  void ganeshaConfIsRefusedOrReadsBackExactly(@ForAll Field field, @ForAll("values") String value) {
    coverage();
    Export export = export(field, value);
    String body;
    try {
      body = new GaneshaExportsRenderer(specsWith(export)).blockBody();
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("ganesha.conf");
      return;
    }
    Statistics.label("outcome").collect("read back");
    String file = ManagedBlock.HASH_COMMENTS.wrap(body);

    List<GaneshaReader.Block> blocks = GaneshaReader.read(file);

    assertThat(blocks).hasSize(1);
    GaneshaReader.Block block = blocks.get(0);
    assertThat(block.name()).isEqualTo("EXPORT");
    assertThat(block.values("Path")).containsExactly(export.path());
    assertThat(block.values("Pseudo")).containsExactly(export.path());
    assertThat(block.blocks("CLIENT")).hasSize(export.clients().size());
    for (int i = 0; i < export.clients().size(); i++) {
      Export.Client client = export.clients().get(i);
      GaneshaReader.Block read = block.blocks("CLIENT").get(i);
      assertThat(read.values("Clients"))
          .containsExactly(GaneshaExportsRenderer.match(client.match()));
      List<String> uid =
          client.options().stream()
              .filter(o -> o.startsWith("anonuid="))
              .map(o -> Long.toString(Long.parseLong(o.substring(8))))
              .toList();
      assertThat(read.values("Anonymous_Uid")).isEqualTo(uid);
    }
    assertThat(block.keys())
        .containsExactly(
            "Export_Id",
            "Path",
            "Pseudo",
            "Protocols",
            "Transports",
            "Access_Type",
            "Squash",
            "SecType");
  }

  private static void coverage() {
    Statistics.label("outcome")
        .coverage(
            checker -> {
              checker.check("refused").percentage(p -> p > 10);
              checker.check("read back").percentage(p -> p > 10);
            });
  }

  private static Export export(Field field, String value) {
    String path = field == Field.PATH ? "/srv/" + value : "/srv/root";
    String match = field == Field.MATCH ? value : "10.0.0.0/24";
    String option = field == Field.OPTION ? value : "no_subtree_check";
    String anonuid = "anonuid=" + (field == Field.ANONUID ? value : "65534");
    String bare = field == Field.BARE_MATCH ? value : "node1.lab";
    return HostileSpecs.export(
        path,
        new Export.Client(match, List.of("rw", option, anonuid)),
        new Export.Client(bare, List.of()));
  }

  private static SpecSet specsWith(Export export) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        seed.server(),
        seed.networks(),
        seed.kernels(),
        seed.rootImages(),
        List.of(export),
        seed.profiles(),
        seed.hosts());
  }

  @Provide
  Arbitrary<String> values() {
    return HostileSpecs.values();
  }
}
