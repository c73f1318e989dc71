package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsFileTest {

  @Test
  void readsPathsClientsOptionsContinuationsAndQuotes() {
    String text =
        """
        # exports by hand
        /storage/diskless/cent55_root      10.0.0.0/255.255.255.0(rw,sync,no_root_squash)
        /srv/a \\
            10.0.0.5(ro) *(ro,all_squash)   # two clients
        "/srv/with space" -async host1(rw)
        /srv/b\\040c (ro)
        """;
    List<ExportsFile.Entry> entries = ExportsFile.parse(text).entries();
    assertThat(entries)
        .extracting(ExportsFile.Entry::path)
        .containsExactly("/storage/diskless/cent55_root", "/srv/a", "/srv/with space", "/srv/b c");
    assertThat(entries.get(0).clients())
        .containsExactly(
            new ExportsFile.Client(
                "10.0.0.0/255.255.255.0", List.of("rw", "sync", "no_root_squash")));
    assertThat(entries.get(1).clients())
        .containsExactly(
            new ExportsFile.Client("10.0.0.5", List.of("ro")),
            new ExportsFile.Client("*", List.of("ro", "all_squash")));
    assertThat(entries.get(1).range().lines()).isEqualTo("lines 3-4");
    assertThat(text.substring(entries.get(1).range().start(), entries.get(1).range().end()))
        .isEqualTo("/srv/a \\\n    10.0.0.5(ro) *(ro,all_squash)   # two clients\n");
    assertThat(entries.get(2).clients())
        .containsExactly(
            new ExportsFile.Client("", List.of("async")),
            new ExportsFile.Client("host1", List.of("rw")));
    assertThat(entries.get(3).clients()).containsExactly(new ExportsFile.Client("", List.of("ro")));
  }

  @Test
  void adoptsTheLinesOfTheSpecsPathsOnlyOutsideTheBlock() {
    String text =
        "/srv/root/ *(ro)\n/home 10.0.0.0/24(rw)\n# BEGIN netroot\n/srv/root 10.0.0.0/24(ro)\n# END netroot\n";
    int blockStart = text.indexOf("# BEGIN");
    ExportsAdoption adoption =
        new ExportsAdoption(
            List.of(
                new io.netroot.spec.Export(
                    "root",
                    "/srv/root",
                    List.of(new io.netroot.spec.Export.Client("10.0.0.0/24", List.of("ro"))),
                    false,
                    io.netroot.spec.Origin.synthetic("exports.yaml"))));
    Adoption adopted =
        adoption
            .adopt(text, new LineRange(blockStart, text.length(), 3, 5), "/etc/exports")
            .orElseThrow();
    assertThat(adopted.describe())
        .isEqualTo("adopts export /srv/root/ (line 1) into netroot's block");
    assertThat(adopted.removeFrom(text))
        .startsWith("/home 10.0.0.0/24(rw)\n# BEGIN netroot\n/srv/root ");
  }
}
